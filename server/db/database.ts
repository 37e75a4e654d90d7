/**
 * The server's view of PostgreSQL, the same over node-postgres (production) and PGlite (a bare
 * machine, tests). Parameters are always bound ($1, $2…), never spliced into SQL text.
 */
export interface Sql {
  query<T extends object>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface ServerDb extends Sql {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
