import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from './db/migrations/index.ts';
import { useTempDirs } from './test-support/temp-dir.ts';
import { startWorkstation } from './workstation.ts';
import { sampleItem } from './test-support/sample-item.ts';
import { SOURCE_WORKER_URLS } from './workers/worker-urls.ts';
import { officeToday } from '../../shared/dates.ts';

const tempDir = useTempDirs();

// Each test starts a whole core (workers, migrations, often the demo city): seconds on a busy CI machine.
describe('workstation core', { timeout: 30_000 }, () => {
  it('serves the contract over the SQLite worker and keeps settings across a restart', async () => {
    const dataDir = tempDir();
    const options = { dataDir, version: '9.9.9', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true } as const;
    const first = await startWorkstation(options);
    const info = await first.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9', shell: 'browser', dataDir, schemaVersion: latestSchemaVersion } });
    const saved = await first.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'ko', centralServerUrl: '', uiLanguage: 'pl' });
    expect(saved).toMatchObject({ ok: true, value: { workstationName: 'Okienko 1', deskCode: 'KO' } });
    await first.close();

    const second = await startWorkstation(options);
    expect(await second.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { workstationName: 'Okienko 1', deskCode: 'KO' } });
    await second.close();
  });

  it('creates the data folder it is given', async () => {
    const dataDir = `${tempDir()}/nested/kancelaria`;
    const workstation = await startWorkstation({ dataDir, version: '1', shell: 'electron', workers: SOURCE_WORKER_URLS });
    expect(await workstation.dispatch('app.info', {})).toMatchObject({ ok: true, value: { dataDir, databaseFile: `${dataDir}/kancelaria.sqlite` } });
    await workstation.close();
  });

  it('loads the demo city on a fresh data folder only when asked, and keeps an imported organisation', async () => {
    const plain = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true });
    expect(await plain.dispatch('organisation.units', {})).toEqual({ ok: true, value: [] });
    await plain.close();

    const dataDir = tempDir();
    const demo = await startWorkstation({ dataDir, version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, demo: true });
    const units = await demo.dispatch('organisation.units', {});
    expect(units.ok && (units.value as { name: string }[]).map((u) => u.name)).toContain('Miejski Zarząd Dróg');
    const own = { units: [{ code: 'UG', name: 'Urząd Gminy', kind: 'office' }], people: [{ login: 'wojt', displayName: 'Jan Wójt', post: 'Wójt', unitCode: 'UG', roles: ['supervisor'] }] };
    expect(await demo.dispatch('organisation.import', own)).toEqual({ ok: true, value: { units: 1, people: 1, desks: 0 } });
    await demo.close();
    const again = await startWorkstation({ dataDir, version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, demo: true });
    expect(await again.dispatch('organisation.units', {})).toMatchObject({ ok: true, value: [{ code: 'UG', depth: 0 }] });
    const bad = await again.dispatch('organisation.import', { units: [{ code: 'X', name: 'X', kind: 'section', parentCode: 'NIE' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ message: 'validation.unknownUnit' }] } });
    await again.close();
  });

  it('imports a JRWA list from CSV, naming the line of each problem, and serves the classes in force', async () => {
    const ws = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, demo: true });
    const demo = await ws.dispatch('jrwa.classes', { ownerCode: 'UM' });
    expect(demo.ok && (demo.value as { symbol: string; takesCases: boolean }[]).filter((c) => c.takesCases).map((c) => c.symbol)).toContain('1431');
    const bad = await ws.dispatch('jrwa.import', { ownerCode: 'MZD', name: 'Wykaz MZD', validFrom: '2026-01-01', csv: 'symbol;hasło;kategoria\n7;Drogi;\n7230;Zajęcie pasa;B5\n' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'line:3', message: 'jrwa.missingParent' }] } });
    const good = await ws.dispatch('jrwa.import', { ownerCode: 'MZD', name: 'Wykaz MZD', validFrom: '2026-01-01', csv: 'symbol;hasło;kategoria\n7;Drogi;\n72;Drogi publiczne;\n723;Utrzymanie;\n7230;Zajęcie pasa;B5\n' });
    expect(good).toMatchObject({ ok: true, value: { classes: 4 } });
    expect(await ws.dispatch('jrwa.classes', { ownerCode: 'MZD', date: '2026-06-01' })).toMatchObject({ ok: true, value: [{ symbol: '7' }, { symbol: '72' }, { symbol: '723' }, { symbol: '7230', takesCases: true }] });
    await ws.close();
  });

  it('routes a registered letter through the contract and explains a refusal', async () => {
    const ws = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, demo: true });
    await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
    const registered = await ws.dispatch('registry.register', sampleItem());
    const itemId = registered.ok ? (registered.value as { id: string }).id : '';
    expect(await ws.dispatch('routing.route', { itemId, leadUnitCode: 'NIE-MA' })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ message: 'routing.unknownUnit' }] } });
    expect(await ws.dispatch('routing.route', { itemId, leadUnitCode: 'GN', instruction: 'Według właściwości' })).toMatchObject({ ok: true, value: [{ unitCode: 'GN', state: 'waiting', routedByName: null }] });
    expect(await ws.dispatch('routing.ofItem', { itemId })).toMatchObject({ ok: true, value: [{ instruction: 'Według właściwości' }] });
    await ws.close();
  });

  it('shows a case against its KPA term: pauses move the due date, an art. 36 notice sets a new one, the original stays', async () => {
    const ws = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, demo: true });
    const opened = await ws.dispatch('cases.open', { unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 7/1', matterType: 'kpa_general', startedOn: '2026-11-02' });
    const id = opened.ok ? (opened.value as { id: string }).id : '';
    // One month from 2 November 2026: Wednesday 2 December.
    expect(opened).toMatchObject({ ok: true, value: { sign: 'GN-I.6831.1.2026', deadline: { originalDueDate: '2026-12-02', currentDueDate: '2026-12-02', extended: false } } });
    await ws.dispatch('cases.pause', { id, from: '2026-11-05', reason: 'Wezwanie do uzupełnienia mapy' });
    expect(await ws.dispatch('cases.pause', { id, from: '2026-11-06', reason: 'Drugi raz' })).toMatchObject({ ok: false, error: { issues: [{ message: 'cases.alreadyPaused' }] } });
    // Five days not counted (6–10 November): Monday 7 December.
    expect(await ws.dispatch('cases.resume', { id, to: '2026-11-10' })).toMatchObject({ ok: true, value: { deadline: { originalDueDate: '2026-12-07', currentDueDate: '2026-12-07' } } });
    expect(await ws.dispatch('cases.extend', { id, noticeOn: '2026-11-20', newDate: '2027-01-15', reason: 'Potrzebna opinia rzeczoznawcy' }))
      .toMatchObject({ ok: true, value: { deadline: { originalDueDate: '2026-12-07', currentDueDate: '2027-01-15', extended: true } } });
    const detail = await ws.dispatch('cases.get', { id });
    expect(detail.ok && (detail.value as { events: { kind: string }[] }).events.map((e) => e.kind)).toEqual(['opened', 'paused', 'resumed', 'extended']);
    await ws.close();
  });

  it('in local mode remembers who works here: the inbox and the metryka are theirs, across a restart', async () => {
    const dataDir = tempDir();
    const options = { dataDir, version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, demo: true } as const;
    const ws = await startWorkstation(options);
    await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
    expect(await ws.dispatch('auth.status', {})).toMatchObject({ ok: true, value: { mode: 'local', localPerson: null } });
    expect(await ws.dispatch('auth.actAs', { login: 'nikt-taki' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ message: 'auth.unknownPerson' }] } });
    expect(await ws.dispatch('auth.actAs', { login: 'TDudek' })).toMatchObject({ ok: true, value: { localPerson: { login: 'tdudek', displayName: 'Tomasz Dudek', post: 'Referent', roles: ['registry_clerk'] } } });
    const registered = await ws.dispatch('registry.register', sampleItem());
    const itemId = registered.ok ? (registered.value as { id: string }).id : '';
    expect(registered).toMatchObject({ ok: true, value: { registeredBy: 'Tomasz Dudek' } });
    await ws.dispatch('routing.route', { itemId, leadUnitCode: 'GN-I' });
    await ws.close();

    const again = await startWorkstation(options);
    expect(await again.dispatch('auth.status', {})).toMatchObject({ ok: true, value: { localPerson: { login: 'tdudek' } } });
    expect(await again.dispatch('routing.inbox', {})).toMatchObject({ ok: true, value: { sent: [{ itemId, routedBy: 'tdudek', routedByName: 'Tomasz Dudek' }], toAssign: [] } });
    // The head of the Referat sees it to assign; the one who leaves the organisation is forgotten.
    await again.dispatch('auth.actAs', { login: 'jkozlowski2' });
    expect(await again.dispatch('routing.inbox', {})).toMatchObject({ ok: true, value: { toAssign: [{ itemId, unitCode: 'GN-I' }] } });
    await again.dispatch('organisation.import', { units: [{ code: 'UG', name: 'Urząd Gminy', kind: 'office' }], people: [{ login: 'wojt', displayName: 'Jan Wójt', post: 'Wójt', unitCode: 'UG', roles: ['supervisor'] }] });
    expect(await again.dispatch('auth.status', {})).toMatchObject({ ok: true, value: { localPerson: null } });
    await again.close();
  });

  it('lists my cases and my units\' cases, a letter\'s cases, and the JRWA of the unit\'s own employer', async () => {
    const ws = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, demo: true });
    await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
    await ws.dispatch('auth.actAs', { login: 'iadamczyk2' });
    await ws.dispatch('cases.open', { unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 7/1', matterType: 'kpa_general', startedOn: officeToday(), handlerLogin: 'iadamczyk2' });
    await ws.dispatch('cases.open', { unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział działki 9/2', matterType: 'kpa_general', startedOn: '2026-01-05', handlerLogin: 'jkozlowski2' });
    expect(await ws.dispatch('cases.list', {})).toMatchObject({ ok: true, value: [{ title: 'Podział działki 7/1', deadline: { state: 'due' } }] });
    const registered = await ws.dispatch('registry.register', sampleItem());
    const itemId = registered.ok ? (registered.value as { id: string }).id : '';
    expect(await ws.dispatch('cases.ofItem', { itemId })).toEqual({ ok: true, value: [] });
    await ws.dispatch('cases.open', { itemIds: [itemId], unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Z pisma', matterType: 'kpa_general', startedOn: officeToday(), handlerLogin: 'iadamczyk2' });
    const ofItem = await ws.dispatch('cases.ofItem', { itemId });
    // A month's term from today (KPA art. 35 § 3): not yet due soon, whatever the day.
    expect(ofItem).toMatchObject({ ok: true, value: [{ title: 'Z pisma', deadline: { state: 'due' } }] });
    expect(ofItem.ok && (ofItem.value as { deadline: { currentDueDate: string } }[])[0]?.deadline.currentDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ofItem.ok && (ofItem.value as { sign: string }[])[0]?.sign).toMatch(/^GN-I\.6831\.\d+\.2026$/);
    await ws.dispatch('auth.actAs', { login: 'jkozlowski2' });
    const unitCases = await ws.dispatch('cases.list', { scope: 'myUnits' });
    // Soonest due first; the two opened today fall due on the same day and keep the order they were opened in.
    expect(unitCases.ok && (unitCases.value as { title: string }[]).map((c) => c.title)).toEqual(['Podział działki 9/2', 'Podział działki 7/1', 'Z pisma']);
    // Opened in January with a month's term: overdue, so on the head's "due within 3 days" list.
    expect(await ws.dispatch('cases.dueSoon', { scope: 'myUnits' })).toMatchObject({ ok: true, value: [{ title: 'Podział działki 9/2', deadline: { state: 'overdue' } }] });
    expect(await ws.dispatch('jrwa.forUnit', { unitCode: 'GN-I' })).toMatchObject({ ok: true, value: { ownerCode: 'UM' } });
    const mzd = await ws.dispatch('jrwa.forUnit', { unitCode: 'MZD-DU' });
    expect(mzd).toMatchObject({ ok: true, value: { ownerCode: 'MZD' } });
    expect(mzd.ok && (mzd.value as { classes: { symbol: string; takesCases: boolean }[] }).classes.some((c) => c.symbol === '7230' && c.takesCases)).toBe(true);
    await ws.close();
  });

  it('adds another letter to an open case once, with its metryka entry, and never to a closed one', async () => {
    const ws = await startWorkstation({ dataDir: tempDir(), version: '1', shell: 'browser', workers: SOURCE_WORKER_URLS, checkOutput: true, demo: true });
    await ws.dispatch('settings.update', { workstationName: 'Okienko 1', deskCode: 'KO', centralServerUrl: '', uiLanguage: 'pl' });
    await ws.dispatch('auth.actAs', { login: 'iadamczyk2' });
    const idOf = (r: { ok: boolean; value?: unknown }) => (r.ok ? (r.value as { id: string }).id : '');
    const first = idOf(await ws.dispatch('registry.register', sampleItem({ subject: 'Wniosek' })));
    const supplement = idOf(await ws.dispatch('registry.register', sampleItem({ subject: 'Uzupełnienie wniosku' })));
    const caseId = idOf(await ws.dispatch('cases.open', { itemIds: [first], unitCode: 'GN-I', jrwaSymbol: '6831', title: 'Podział', matterType: 'kpa_general', startedOn: officeToday(), handlerLogin: 'iadamczyk2' }));
    expect(await ws.dispatch('cases.attachItem', { id: caseId, itemId: supplement })).toMatchObject({ ok: true, value: { id: caseId } });
    expect(await ws.dispatch('cases.ofItem', { itemId: supplement })).toMatchObject({ ok: true, value: [{ id: caseId }] });
    expect(await ws.dispatch('cases.attachItem', { id: caseId, itemId: supplement })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ message: 'cases.alreadyAttached' }] } });
    const detail = await ws.dispatch('cases.get', { id: caseId });
    expect(detail.ok && (detail.value as { itemIds: string[]; events: { kind: string; actorName: string }[] })).toMatchObject({
      itemIds: [first, supplement],
      events: [{ kind: 'opened' }, { kind: 'item_attached' }, { kind: 'item_attached', actorName: 'Iwona Adamczyk' }],
    });
    await ws.dispatch('cases.close', { id: caseId, settlement: 'Wydano decyzję' });
    const third = idOf(await ws.dispatch('registry.register', sampleItem({ subject: 'Po terminie' })));
    expect(await ws.dispatch('cases.attachItem', { id: caseId, itemId: third })).toMatchObject({ ok: false, error: { issues: [{ message: 'cases.closedReadOnly' }] } });
    await ws.close();
  });
});
