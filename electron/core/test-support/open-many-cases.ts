import { uuidv7 } from '../ids.ts';
import { openDatabase } from '../db/open.ts';
import { openCase } from '../db/repositories/cases.ts';
import { caseInput, CLERK } from './case-fixtures.ts';

/**
 * A second writer for the concurrency test: opens COUNT cases in GN-I / 6831 / 2026 on FILE and
 * prints each sign, so the test sees what this process was given.
 *   node electron/core/test-support/open-many-cases.ts FILE COUNT
 */
const [file, count] = process.argv.slice(2);
if (!file || !count) throw new Error('usage: open-many-cases.ts FILE COUNT');
const db = openDatabase(file);
for (let i = 0; i < Number(count); i++) {
  const opened = openCase(db, { id: uuidv7(), input: caseInput({ title: `Sprawa ${String(process.pid)} nr ${String(i)}` }), at: new Date().toISOString(), actor: CLERK, numbering: 'local' });
  console.log(opened.sign);
}
db.close();
