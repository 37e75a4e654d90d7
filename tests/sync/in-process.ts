import { afterEach } from 'vitest';
import type { Result } from '../../shared/result.ts';
import { configFromEnv } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import { importOrganisation, OrganisationFile } from '../../server/organisation.ts';

/** Things a test started (servers, workstations), closed after it in reverse order. */
export function useRunning(): (thing: { close(): Promise<void> }) => void {
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const thing of running.splice(0).reverse()) await thing.close();
  });
  return (thing) => {
    running.push(thing);
  };
}

/** The value of a contract call that must succeed; its error, in full, otherwise. */
export function ok(result: Result<unknown>): unknown {
  if (!result.ok) throw new Error(`${result.error.code}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * The central server in this process, on in-memory PGlite, with `organisation` imported: for
 * tests that need to reach into the server (compact its log) or start many workstations fast.
 */
export async function inProcessServer(organisation: OrganisationFile): Promise<RunningServer> {
  const server = await startServer({ ...configFromEnv({}), port: 0, dataDir: null, databaseUrl: null }, createLogger('error', () => undefined), 'test');
  await importOrganisation(server.db, OrganisationFile.parse(organisation));
  return server;
}
