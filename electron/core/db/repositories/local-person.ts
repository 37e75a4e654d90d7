import type { Database } from 'better-sqlite3';

/** The person chosen with "Pracuję jako" on a workstation without a central server. */
export function localPersonLogin(db: Database): string | null {
  return db.prepare<[], string>('SELECT login FROM local_person WHERE id = 1').pluck().get() ?? null;
}

/** Remembers (or, with null, forgets) who works here; survives restarts. */
export function setLocalPerson(db: Database, login: string | null, at: string): void {
  if (login === null) db.prepare('DELETE FROM local_person WHERE id = 1').run();
  else db.prepare('INSERT INTO local_person (id, login, chosen_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET login = excluded.login, chosen_at = excluded.chosen_at').run(login, at);
}
