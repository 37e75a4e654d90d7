import { z } from 'zod';

/** Which host runs the workstation core: the Electron app, or the loopback devserver (browser mode). */
export const Shell = z.enum(['electron', 'browser']);
export type Shell = z.infer<typeof Shell>;

export const AppInfo = z.object({
  version: z.string(),
  shell: Shell,
  /** Folder holding the SQLite cache and the document store, chosen by the shell. */
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int().nonnegative(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const UpdateAvailable = z.object({ version: z.string() });
export type UpdateAvailable = z.infer<typeof UpdateAvailable>;
