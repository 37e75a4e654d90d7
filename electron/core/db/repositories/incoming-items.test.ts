import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleItem, sampleRegisterArgs } from '../../test-support/sample-item.ts';
import { useTempDirs } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../open.ts';
import { cancelItem, getItem, itemsForExport, listItems, registerItem, SEARCH_COUNT_CAP } from './incoming-items.ts';
import { NoNumbersLeftError } from './numbering.ts';
import { clientOf } from './outbox.ts';

const tempDir = useTempDirs();
const openTemp = () => openDatabase(join(tempDir(), 'k.sqlite'));

const args = sampleRegisterArgs;

const query = { text: '', from: null, to: null, channel: null, status: null, deskCode: null, before: null, limit: 100 };

describe('registering incoming letters', () => {
  it('numbers continuously per desk and year, starting again at 1 in a new year', () => {
    const db = openTemp();
    const numbers = [
      registerItem(db, args()).rpwNumber,
      registerItem(db, args()).rpwNumber,
      registerItem(db, args({ deskCode: 'KO-2' })).rpwNumber,
      registerItem(db, args()).rpwNumber,
      registerItem(db, args({ year: 2027 })).rpwNumber,
    ];
    expect(numbers).toEqual(['RPW/KO/1/2026', 'RPW/KO/2/2026', 'RPW/KO-2/1/2026', 'RPW/KO/3/2026', 'RPW/KO/1/2027']);
    db.close();
  });

  it('stores every field and records who registered it, when, in the metryka', () => {
    const db = openTemp();
    const item = registerItem(db, args({ item: sampleItem({ personalDelivery: true, accessLevel: 'restricted', subject: null }) }));
    const detail = getItem(db, item.id);
    expect(detail?.item).toMatchObject({
      rpwNumber: 'RPW/KO/1/2026',
      receivedAt: '2026-11-20T08:15:00.000Z',
      channel: 'post',
      postedOn: '2026-11-18',
      senderName: 'Jan Kowalski',
      senderReference: 'JK/1/2026',
      letterDate: '2026-11-17',
      subject: null,
      attachmentsCount: 1,
      personalDelivery: true,
      accessLevel: 'restricted',
      status: 'registered',
      registeredBy: 'Okienko 1',
    });
    expect(detail?.events).toEqual([{ at: '2026-11-20T08:20:00.000Z', actor: 'Okienko 1', actorPost: null, kind: 'registered', details: { rpwNumber: 'RPW/KO/1/2026' } }]);
    db.close();
  });

  it('burns no number when the entry cannot be written', () => {
    const db = openTemp();
    const first = registerItem(db, args());
    // Same tracking code: the insert fails inside the transaction, after the number was taken.
    expect(() => registerItem(db, args({ trackingCode: first.trackingCode }))).toThrow(/UNIQUE/);
    expect(registerItem(db, args()).rpwNumber).toBe('RPW/KO/2/2026');
    db.close();
  });

  it('never deletes an entry or changes its number; a cancelled entry stays in the register', () => {
    const db = openTemp();
    const item = registerItem(db, args());
    expect(() => db.prepare('DELETE FROM incoming_items').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE incoming_items SET rpw_number = 'RPW/KO/9/2026'").run()).toThrow(/keeps its number/);
    expect(() => db.prepare('DELETE FROM item_events').run()).toThrow(/append-only/);

    const cancelled = cancelItem(db, { id: item.id, reason: 'Pomyłkowa rejestracja', at: '2026-11-20T09:00:00.000Z', actor: 'Okienko 1', outbox: null });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Pomyłkowa rejestracja', rpwNumber: 'RPW/KO/1/2026' });
    expect(cancelItem(db, { id: item.id, reason: 'again', at: 'x', actor: 'y', outbox: null })).toBeNull();
    expect(getItem(db, item.id)?.events.map((e) => e.kind)).toEqual(['registered', 'cancelled']);
    expect(listItems(db, query).total).toBe(1);
    // The next letter gets the next number: a cancelled number is never reused.
    expect(registerItem(db, args()).rpwNumber).toBe('RPW/KO/2/2026');
    db.close();
  });

  it('takes numbers from the person\'s leased blocks in order and stops when they run out in leased-only mode', () => {
    const db = openTemp();
    db.prepare("INSERT INTO desks (code, name, created_at) VALUES ('KO', 'KO', 'now')").run();
    const anna = clientOf(db, 'anna', 'now');
    const ewa = clientOf(db, 'ewa', 'now');
    db.prepare(`INSERT INTO rpw_blocks (desk_code, year, first_no, last_no, next_no, origin, client_id)
      VALUES ('KO', 2026, 101, 102, 101, 'leased', ?), ('KO', 2026, 151, 151, 151, 'leased', ?), ('KO', 2026, 201, 201, 201, 'leased', ?)`).run(anna, ewa, anna);
    // Ewa's block stays hers: the server accepts a number only from the client that leased it.
    const leased = () => registerItem(db, args({ numbering: 'leased-only', outbox: 'anna' })).sequence;
    expect([leased(), leased(), leased()]).toEqual([101, 102, 201]);
    expect(leased).toThrow(NoNumbersLeftError);
    expect(registerItem(db, args({ numbering: 'leased-only', outbox: 'ewa' })).sequence).toBe(151);
    // Local mode continues after the highest number used, never below it.
    expect(registerItem(db, args()).sequence).toBe(202);
    db.close();
  });

  it('gives two processes writing to one file a continuous run with no duplicate', async () => {
    const file = join(tempDir(), 'shared.sqlite');
    openDatabase(file).close();
    const script = join(import.meta.dirname, '../../test-support/register-many.ts');
    const runChild = () => new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [script, file, 'KO', '150'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(stderr))));
    });
    await Promise.all([runChild(), runChild()]);
    const db = openDatabase(file);
    const sequences = db.prepare('SELECT sequence FROM incoming_items ORDER BY sequence').pluck().all() as number[];
    expect(sequences).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const writers = db.prepare('SELECT count(DISTINCT registered_by) FROM incoming_items').pluck().get();
    expect(writers).toBe(2);
    db.close();
  }, 60_000);
});

describe('a crash while registering', () => {
  it('loses no number the clerk saw and burns none: the run stays continuous after kill -9', async () => {
    const file = join(tempDir(), 'crash.sqlite');
    openDatabase(file).close();
    const script = join(import.meta.dirname, '../../test-support/register-many.ts');
    const child = spawn(process.execPath, [script, file, 'KO', '100000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const shown: string[] = [];
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        shown.push(...chunk.toString().split('\n').filter(Boolean));
        // Pull the plug mid-stream, while registrations are in flight.
        if (shown.length >= 200 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const numbers = db.prepare('SELECT rpw_number FROM incoming_items ORDER BY sequence').pluck().all() as string[];
    expect(numbers.length).toBeGreaterThanOrEqual(shown.length);
    expect(numbers.slice(0, shown.length)).toEqual(shown);
    expect(numbers).toEqual(numbers.map((_, i) => `RPW/KO/${String(i + 1)}/2026`));
    expect(db.prepare('SELECT count(*) FROM item_events').pluck().get()).toBe(numbers.length);
    expect(registerItem(db, args()).rpwNumber).toBe(`RPW/KO/${String(numbers.length + 1)}/2026`);
    db.close();
  }, 60_000);
});

describe('searching the register', () => {
  it('finds Polish words typed with or without diacritics, ł included, as prefixes', () => {
    const db = openTemp();
    registerItem(db, args({ item: sampleItem({ subject: 'Skarga na hałas z budowy przy ul. Łąkowej' }) }));
    registerItem(db, args({ item: sampleItem({ subject: 'Wniosek o dowód osobisty', sender: { correspondentId: null, name: 'Zofia Żółtowska', address: 'Łódź' } }) }));
    const subjects = (text: string) => listItems(db, { ...query, text }).rows.map((r) => r.subject);
    expect(subjects('halas')).toEqual(['Skarga na hałas z budowy przy ul. Łąkowej']);
    expect(subjects('łąkow')).toEqual(['Skarga na hałas z budowy przy ul. Łąkowej']);
    expect(subjects('lakowej')).toEqual(['Skarga na hałas z budowy przy ul. Łąkowej']);
    expect(subjects('zoltowska')).toEqual(['Wniosek o dowód osobisty']);
    expect(subjects('LODZ dowod')).toEqual(['Wniosek o dowód osobisty']);
    expect(subjects('RPW/KO/2')).toEqual(['Wniosek o dowód osobisty']);
    expect(subjects('"OR" * NEAR(')).toEqual([]);
    expect(subjects('budowy kowalski')).toEqual(['Skarga na hałas z budowy przy ul. Łąkowej']);
    db.close();
  });

  it('pages search hits newest first, combines them with filters, and stops counting past the cap', () => {
    const db = openTemp();
    const insert = db.transaction(() => {
      for (let i = 0; i < SEARCH_COUNT_CAP + 5; i++) {
        const subject = i % 2 === 0 ? `Wniosek o wycinkę drzewa nr ${String(i)}` : `Skarga nr ${String(i)}`;
        registerItem(db, args({ item: sampleItem({ subject, channel: i % 4 === 0 ? 'epuap' : 'post' }) }));
      }
    });
    insert();
    const first = listItems(db, { ...query, text: 'wycinke', limit: 3 });
    expect(first.rows.map((r) => r.subject)).toEqual(['Wniosek o wycinkę drzewa nr 1004', 'Wniosek o wycinkę drzewa nr 1002', 'Wniosek o wycinkę drzewa nr 1000']);
    expect(first).toMatchObject({ total: 503, totalExact: true });
    const second = listItems(db, { ...query, text: 'wycinke', limit: 3, before: first.next });
    expect(second.rows.map((r) => r.subject)).toEqual(['Wniosek o wycinkę drzewa nr 998', 'Wniosek o wycinkę drzewa nr 996', 'Wniosek o wycinkę drzewa nr 994']);
    const epuap = listItems(db, { ...query, text: 'wniosek', channel: 'epuap', limit: 2 });
    expect(epuap.rows.map((r) => r.subject)).toEqual(['Wniosek o wycinkę drzewa nr 1004', 'Wniosek o wycinkę drzewa nr 1000']);
    expect(epuap.total).toBe(252);
    expect(listItems(db, { ...query, text: 'nr' })).toMatchObject({ total: SEARCH_COUNT_CAP, totalExact: false });
    expect(listItems(db, query)).toMatchObject({ total: SEARCH_COUNT_CAP + 5, totalExact: true });
    db.close();
  });

  it('pages newest first with a cursor and filters by date, channel, status and desk', () => {
    const db = openTemp();
    for (let i = 0; i < 5; i++) registerItem(db, args());
    registerItem(db, args({ deskCode: 'KO-2', item: sampleItem({ channel: 'epuap', postedOn: null, receivedAt: '2026-11-21T10:00:00+01:00' }) }));
    const first = listItems(db, { ...query, limit: 4 });
    expect(first.total).toBe(6);
    expect(first.rows.map((r) => r.rpwNumber)).toEqual(['RPW/KO-2/1/2026', 'RPW/KO/5/2026', 'RPW/KO/4/2026', 'RPW/KO/3/2026']);
    const second = listItems(db, { ...query, limit: 4, before: first.next });
    expect(second.rows.map((r) => r.rpwNumber)).toEqual(['RPW/KO/2/2026', 'RPW/KO/1/2026']);
    expect(second.next).toBeNull();
    expect(listItems(db, { ...query, channel: 'epuap' }).total).toBe(1);
    expect(listItems(db, { ...query, from: '2026-11-21', to: '2026-11-21' }).total).toBe(1);
    expect(listItems(db, { ...query, deskCode: 'KO' }).total).toBe(5);
    expect(listItems(db, { ...query, status: 'cancelled' }).total).toBe(0);
    db.close();
  });
});

describe('reading the register for an export', () => {
  it('returns the period in book order (desk, number), and nothing but the count above the limit', () => {
    const db = openTemp();
    registerItem(db, args({ deskCode: 'KO-2' }));
    registerItem(db, args());
    registerItem(db, args({ item: sampleItem({ receivedAt: '2026-12-01T08:00:00+01:00' }) }));
    registerItem(db, args());
    const november = itemsForExport(db, { from: '2026-11-01', to: '2026-11-30', deskCode: null, limit: 10 });
    expect(november.items.map((i) => i.rpwNumber)).toEqual(['RPW/KO/1/2026', 'RPW/KO/3/2026', 'RPW/KO-2/1/2026']);
    expect(itemsForExport(db, { from: '2026-11-01', to: '2026-12-31', deskCode: 'KO', limit: 10 }).total).toBe(3);
    expect(itemsForExport(db, { from: '2026-11-01', to: '2026-12-31', deskCode: null, limit: 3 })).toEqual({ total: 4, items: [] });
    db.close();
  });
});
