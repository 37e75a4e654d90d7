import { readFileSync } from 'node:fs';
import { configFromEnv } from './config.ts';
import { createLogger } from './log.ts';
import { startServer } from './main.ts';

/**
 * `npm run server`: the central case API, configured by environment variables (see README).
 * Without DATABASE_URL it runs on PGlite in DATA_DIR. SIGTERM or Ctrl+C shut it down cleanly.
 */
const config = configFromEnv();
const log = createLogger(config.logLevel);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const server = await startServer(config, log, version);
if (process.send) process.send({ ready: true, url: server.url });

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  });
}
