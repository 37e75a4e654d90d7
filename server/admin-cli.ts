import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createUser } from './auth/sessions.ts';
import { configFromEnv } from './config.ts';
import { openServerDb } from './db/open.ts';
import { importOrganisation, OrganisationFile } from './organisation.ts';

/**
 * `npm run server:admin -- <command>`, on the same database as the server (same environment):
 *   create-admin --login LOGIN --name "Full Name"     password from KANCELARIA_ADMIN_PASSWORD
 *   import-organisation FILE.json                      units, desks, users and zastępstwa (see server/organisation.ts)
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { login: { type: 'string' }, name: { type: 'string' } } });
const [command, file] = positionals;
const config = configFromEnv();
const db = await openServerDb({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
try {
  switch (command ?? '') {
    case 'create-admin': {
      const password = process.env['KANCELARIA_ADMIN_PASSWORD'] ?? '';
      if (!values.login || password.length < 12) throw new Error('Give --login and a password of 12+ characters in KANCELARIA_ADMIN_PASSWORD');
      const user = await createUser(db, { login: values.login, displayName: values.name ?? values.login, password, role: 'admin', unitCode: null });
      console.log(`Utworzono administratora ${user.login}.`);
      break;
    }
    case 'import-organisation': {
      if (!file) throw new Error('Give the organisation file: import-organisation FILE.json');
      const parsed = OrganisationFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`Bad organisation file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const counts = await importOrganisation(db, parsed.data);
      const substitutions = counts.substitutions === null ? '' : `, zastępstwa ${String(counts.substitutions)}`;
      console.log(`Zaimportowano: jednostki ${String(counts.units)}, punkty kancelaryjne ${String(counts.desks)}, nowi użytkownicy ${String(counts.usersAdded)}${substitutions}.`);
      break;
    }
    default:
      throw new Error('Commands: create-admin --login LOGIN --name NAME | import-organisation FILE.json');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.close();
}
