import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** The server's settings, all from environment variables (twelve-factor), checked at start. */
const Env = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** PostgreSQL; without it the server runs on PGlite in DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default(join(homedir(), '.kancelaria-server')),
  TOKEN_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  MAX_FAILED_LOGINS: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  /** Public tracking requests per minute per IP address. */
  TRACKING_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Superseded changes older than this are compacted away; clients further behind re-bootstrap. */
  CHANGE_LOG_DAYS: z.coerce.number().positive().max(3650).default(90),
  /**
   * Largest file a workstation may upload (a scan's original or its PDF), in MiB: above the
   * 200 MB import limit, for a PDF made of a scan; at most 300 (a file passes through the
   * database as one base64 string, and a JavaScript string holds at most about 512 M characters).
   */
  MAX_BLOB_MB: z.coerce.number().int().min(1).max(300).default(256),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string | null;
  /** null: in memory (tests). */
  readonly dataDir: string | null;
  readonly tokenTtlMs: number;
  readonly maxFailedLogins: number;
  readonly lockoutMs: number;
  readonly trackingPerMinute: number;
  readonly changeLogDays: number;
  readonly maxBlobBytes: number;
  readonly logLevel: z.infer<typeof Env>['LOG_LEVEL'];
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: e.DATA_DIR,
    tokenTtlMs: e.TOKEN_TTL_HOURS * 3600_000,
    maxFailedLogins: e.MAX_FAILED_LOGINS,
    lockoutMs: e.LOCKOUT_MINUTES * 60_000,
    trackingPerMinute: e.TRACKING_PER_MINUTE,
    changeLogDays: e.CHANGE_LOG_DAYS,
    maxBlobBytes: e.MAX_BLOB_MB * 1024 * 1024,
    logLevel: e.LOG_LEVEL,
  };
}
