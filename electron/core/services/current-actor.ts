import type { AuthService } from '../auth/auth-service.ts';
import type { DbClient } from '../db/db-client.ts';
import type { Actor } from '../db/repositories/cases.ts';
import type { SettingsService } from './settings-service.ts';

/**
 * Who is acting, for the metryka: the signed-in person with their post from the organisation;
 * in local mode (no server, nobody signs in) the person who said "Pracuję jako" here, or else the
 * workstation itself, by its name.
 */
export async function currentActor(auth: AuthService, db: DbClient, settings: SettingsService): Promise<Actor> {
  const user = auth.user;
  if (user) {
    const person = await db.call('organisation.person', user.login);
    return { login: user.login, name: person?.displayName ?? user.displayName, post: person?.post ?? '' };
  }
  const local = auth.localPerson;
  if (local) return { login: local.login, name: local.displayName, post: local.post };
  return { login: 'stanowisko', name: (await settings.get()).workstationName, post: '' };
}
