import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db/open.ts';
import { listItems, registerItem } from '../../electron/core/db/repositories/incoming-items.ts';
import { trackingCode, trackingPin, uuidv7 } from '../../electron/core/ids.ts';
import { sampleItem } from '../../electron/core/test-support/sample-item.ts';
import { percentile, round, type Figure } from './figures.ts';
import { seedRegister } from './seed-register.ts';

/**
 * Registry desk figures on a register of ITEMS letters (default 1,000,000, the size):
 * registering one letter (real path: IMMEDIATE transaction, FTS triggers, synchronous=FULL),
 * full-text search, and opening the register (first page + total).
 */
export function benchRegistry(items = Number(process.env['BENCH_ITEMS'] ?? 1_000_000)): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'kancelaria-bench-registry-'));
  const db = openDatabase(join(dir, 'k.sqlite'));
  const figures: Figure[] = [];

  const seedStart = performance.now();
  seedRegister(db, items);
  const seedMs = performance.now() - seedStart;
  figures.push({ name: 'registry.seed_rows_per_second', unit: 'rows/s', value: Math.round(items / (seedMs / 1000)), runs: items });

  const registerRuns = 500;
  const register = syncSamples(registerRuns, () =>
    registerItem(db, {
      item: sampleItem({ subject: 'Wniosek o wydanie zaświadczenia o niezaleganiu' }),
      id: uuidv7(),
      deskCode: 'KO',
      year: 2026,
      registeredAt: new Date().toISOString(),
      registeredBy: 'bench',
      trackingCode: trackingCode(),
      trackingPin: trackingPin(),
      numbering: 'local',
      outbox: null,
    }),
  );
  figures.push({ name: 'registry.register_one_p50', unit: 'ms', value: round(percentile(register, 50)), runs: registerRuns });
  figures.push({ name: 'registry.register_one_p99', unit: 'ms', value: round(percentile(register, 99)), runs: registerRuns, target: 20 });

  const base = { text: '', from: null, to: null, channel: null, status: null, deskCode: null, before: null, limit: 100 };
  // Rare and common words, diacritics typed or not, two-word queries, an RPW number, and a word with no hit.
  const queries = ['wycinki', 'wniosek', 'zaswiadczenia', 'łódź', 'lodz halasu', 'kowalski wniosek', 'RPW/KO/123456/2026', 'piotrkowska 17', 'pawlowski', 'nieistniejacesłowo'];
  const searchRuns = 30;
  const searches = syncSamples(queries.length * searchRuns, (i) => listItems(db, { ...base, text: queries[i % queries.length] ?? '' }));
  figures.push({ name: 'registry.search_p50', unit: 'ms', value: round(percentile(searches, 50)), runs: searches.length });
  figures.push({ name: 'registry.search_p95', unit: 'ms', value: round(percentile(searches, 95)), runs: searches.length, target: 50 });

  const open = syncSamples(20, () => listItems(db, base));
  figures.push({ name: 'registry.open_register_p95', unit: 'ms', value: round(percentile(open, 95)), runs: open.length, target: 300 });
  const filtered = syncSamples(20, () => listItems(db, { ...base, channel: 'epuap', from: '2026-03-01', to: '2026-03-31' }));
  figures.push({ name: 'registry.open_register_filtered_p95', unit: 'ms', value: round(percentile(filtered, 95)), runs: filtered.length, target: 300 });

  db.close();
  rmSync(dir, { recursive: true, force: true });
  return figures;
}

function syncSamples(runs: number, action: (i: number) => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    action(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

