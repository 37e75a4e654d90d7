import { openDatabase } from '../db/open.ts';
import { registerItem } from '../db/repositories/incoming-items.ts';
import { trackingCode, trackingPin, uuidv7 } from '../ids.ts';
import { sampleItem } from './sample-item.ts';

/**
 * Child process for the concurrency test: registers COUNT letters at DESK on the given SQLite file,
 * as a second workstation sharing the file would, printing each number once it is committed.
 *   node register-many.ts FILE DESK COUNT
 */
const [file, desk, count] = process.argv.slice(2);
if (!file || !desk || !count) throw new Error('usage: register-many.ts FILE DESK COUNT');
const db = openDatabase(file);
for (let i = 0; i < Number(count); i++) {
  const registered = registerItem(db, {
    item: sampleItem({ subject: `Pismo ${String(process.pid)} nr ${String(i)}` }),
    id: uuidv7(),
    deskCode: desk,
    year: 2026,
    registeredAt: new Date().toISOString(),
    registeredBy: `proces ${String(process.pid)}`,
    trackingCode: trackingCode(),
    trackingPin: trackingPin(),
    numbering: 'local',
    outbox: null,
  });
  // What the clerk would have seen on screen: the number, once the transaction has committed.
  process.stdout.write(`${registered.rpwNumber}\n`);
}
db.close();
