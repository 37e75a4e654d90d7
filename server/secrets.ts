import { randomBytes } from 'node:crypto';
import type { Sql } from './db/database.ts';
import type { ServerSecrets } from './sync/command-context.ts';

/** Made once, on the first start, and kept in the database: every server instance shares them. */
export async function loadSecrets(db: Sql): Promise<ServerSecrets> {
  await db.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', ['tracking_pin_key', randomBytes(32).toString('base64url')]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', ['tracking_pin_key']);
  if (!row) throw new Error('tracking_pin_key missing');
  return { trackingPinKey: row.value };
}
