import { benchBarcodes } from './bench/barcodes.ts';
import { benchDeadlines } from './bench/deadlines.ts';
import { benchDispatchBook } from './bench/dispatch-book.ts';
import { benchDocumentImport } from './bench/document-import.ts';
import { benchDocumentTransfer } from './bench/document-transfer.ts';
import { benchDocuments } from './bench/documents.ts';
import { benchInbox } from './bench/inbox.ts';
import { benchOcr } from './bench/ocr.ts';
import { benchFoundation } from './bench/foundation.ts';
import { missedTarget, type Figure } from './bench/figures.ts';
import { benchRegistry } from './bench/registry.ts';
import { benchReplies } from './bench/replies.ts';
import { benchReports } from './bench/reports.ts';
import { benchServer } from './bench/server.ts';
import { benchSync } from './bench/sync.ts';

/**
 * `npm run --silent bench`: speed figures as JSON. Benchmarks, not timed tests, hold the speed
 * targets; a figure with a `target` over it is listed under `missed` (and the exit code is 1).
 * BENCH_ITEMS sets the register size (default 1,000,000); BENCH_DATABASE_URL (or TEST_DATABASE_URL)
 * a PostgreSQL server for the central server's figures (else PGlite); BENCH_SYNC_ITEMS the register
 * a fresh workstation pulls from the server (default 100,000). BENCH_ONLY (e.g. `server,sync`) runs
 * only the named benches.
 */
const benches: Readonly<Record<string, () => Promise<Figure[]> | Figure[]>> = {
  foundation: benchFoundation, documents: benchDocuments, server: benchServer, sync: benchSync,
  deadlines: benchDeadlines, inbox: benchInbox, registry: benchRegistry, barcodes: benchBarcodes, ocr: benchOcr, replies: benchReplies,
  dispatchBook: benchDispatchBook, reports: benchReports, documentImport: benchDocumentImport, documentTransfer: benchDocumentTransfer,
};
// BENCH_ONLY=server,sync runs just those (e.g. to measure the central server a few times in a row).
const only = process.env['BENCH_ONLY']?.split(',').map((name) => name.trim()) ?? null;
const unknown = only?.filter((name) => !(name in benches)) ?? [];
if (unknown.length > 0) throw new Error(`BENCH_ONLY: no bench named ${unknown.join(', ')} (there are ${Object.keys(benches).join(', ')})`);
const figures: Figure[] = [];
for (const [name, bench] of Object.entries(benches)) {
  if (only === null || only.includes(name)) figures.push(...(await bench()));
}
const missed = figures.filter(missedTarget).map((f) => f.name);
console.log(JSON.stringify({ node: process.version, platform: `${process.platform}-${process.arch}`, figures, missed }, null, 2));
process.exitCode = missed.length > 0 ? 1 : 0;
