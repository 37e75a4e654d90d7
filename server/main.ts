import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config.ts';
import type { ServerDb } from './db/database.ts';
import { openServerDb } from './db/open.ts';
import { createHandler } from './http/app.ts';
import { openApiDocument } from './http/openapi.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { serverRoutes } from './http/routes.ts';
import { SseHub } from './http/sse-hub.ts';
import { TokenCache } from './auth/token-cache.ts';
import type { Logger } from './log.ts';
import { loadSecrets } from './secrets.ts';
import { scheduleCompaction } from './sync/compaction.ts';

export interface RunningServer {
  readonly url: string;
  readonly db: ServerDb;
  /** Graceful: stop accepting, end event streams, finish requests in flight, close the database. */
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, log: Logger, version: string): Promise<RunningServer> {
  const db = await openServerDb({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  const secrets = await loadSecrets(db);
  const hub = new SseHub();
  const tokens = new TokenCache(db);
  let openApi: Record<string, unknown> | null = null;
  const routes = serverRoutes({
    db,
    secrets,
    auth: { tokenTtlMs: config.tokenTtlMs, maxFailedLogins: config.maxFailedLogins, lockoutMs: config.lockoutMs },
    hub,
    tokens,
    trackingLimiter: new RateLimiter(config.trackingPerMinute),
    maxBlobBytes: config.maxBlobBytes,
    version,
    openApi: () => (openApi ??= openApiDocument(routes, version)),
  });
  const handle = createHandler(routes, tokens, log);
  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 65_000; // longer than typical proxy idle timeouts
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${String(address.port)}`;
  log.info('server listening', { url, database: db.kind, version });
  const stopCompaction = scheduleCompaction(db, config.changeLogDays, log);

  let closing: Promise<void> | null = null;
  return {
    url,
    db,
    close() {
      closing ??= (async () => {
        log.info('server shutting down');
        stopCompaction();
        hub.closeAll();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await closed;
        await db.close();
        log.info('server stopped');
      })();
      return closing;
    },
  };
}
