# Sourced by .ci/run (and usable by hand: `source scripts/postgres-cluster.sh; start_test_postgres`).
# Starts a throwaway PostgreSQL 15 cluster on a free loopback port, exports TEST_DATABASE_URL, and
# stops and removes it when the shell exits. Without root or without PostgreSQL it says so and the
# server tests run on PGlite only.
start_test_postgres() {
  local bin=/usr/lib/postgresql/15/bin
  if [ ! -x "$bin/initdb" ] || [ "$(id -u)" != 0 ] || ! id postgres >/dev/null 2>&1; then
    echo "postgres: no PostgreSQL 15 cluster (needs $bin and root); server tests use PGlite only"
    return 0
  fi
  TEST_PG_DIR=$(mktemp -d /tmp/kancelaria-pg.XXXXXX)
  chown postgres:postgres "$TEST_PG_DIR"
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  runuser -u postgres -- "$bin/initdb" -D "$TEST_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$TEST_PG_DIR/data" -l "$TEST_PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $TEST_PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
  trap stop_test_postgres EXIT
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "postgres: test cluster on 127.0.0.1:$port"
}

stop_test_postgres() {
  [ -n "${TEST_PG_DIR:-}" ] || return 0
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$TEST_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$TEST_PG_DIR"
}
