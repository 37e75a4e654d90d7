import { describe, expect, it } from 'vitest';
import { commandKey, localEntryId, localSide, messageKey, numberRanges, serverSide } from './sync-issue.ts';

describe('sync issue facts', () => {
  it('writes voided numbers as runs, not hundreds of numbers', () => {
    expect(numberRanges('KO', 2026, [9, 5, 6, 7, 8, 12, 12])).toBe('RPW/KO/5/2026 – RPW/KO/9/2026, RPW/KO/12/2026');
    expect(localSide({ command: 'rpw.void', local: { deskCode: 'KO', year: 2025, sequences: [1, 2] } }, null)?.facts).toEqual([
      { label: 'numbers', value: 'RPW/KO/1/2025 – RPW/KO/2/2025', translate: false },
      { label: 'status', value: 'sync.conflicts.voided', translate: true },
    ]);
  });

  it('shows a pulled letter that clashed beside the local entry holding its number', () => {
    const issue = { command: 'pull.incoming_item', local: { id: 'local-1', rpwNumber: 'RPW/KO/4/2026' }, server: { rpwNumber: 'RPW/KO/4/2026', senderName: null, status: 'registered' } };
    expect(localEntryId(issue)).toBe('local-1');
    // Before (or without) the entry itself: at least the number the two share.
    expect(localSide(issue, null)).toEqual({ facts: [{ label: 'rpwNumber', value: 'RPW/KO/4/2026', translate: false }], itemId: 'local-1' });
    expect(serverSide(issue)?.facts).toEqual([
      { label: 'rpwNumber', value: 'RPW/KO/4/2026', translate: false },
      { label: 'sender', value: 'registry.form.noData', translate: true },
      { label: 'status', value: 'registry.statuses.registered', translate: true },
    ]);
  });

  it('shows a case opened here by unit, JRWA class and title', () => {
    const side = localSide({ command: 'cases.open', local: { case: { id: 'c1', unitCode: 'OR', jrwaSymbol: '1510', title: 'Skarga', matterType: 'skarga' } } }, null);
    expect(side?.facts.map((f) => `${f.label}=${f.value}`)).toEqual(['unit=OR', 'jrwa=1510', 'title=Skarga']);
  });

  it('puts a reply edited at two desks side by side: both texts, the state and the version of each', () => {
    const issue = {
      command: 'replies.update',
      local: { id: 'r1', addressee: 'Jan Nowak', body: 'Wersja referentki', baseAt: '2026-11-20T10:00:00.000Z', at: '2026-11-20T10:02:00.000Z' },
      server: { id: 'r1', addressee: 'Jan Nowak', body: 'Wersja kierownika', state: 'draft', remarks: null, updatedAt: '2026-11-20T10:01:00.000Z', events: [] },
    };
    expect(commandKey(issue.command)).toBe('repliesUpdate');
    expect(localSide(issue, null)?.facts.map((f) => `${f.label}=${f.value}`)).toEqual(['addressee=Jan Nowak', 'body=Wersja referentki', 'editedAt=2026-11-20T10:02:00.000Z']);
    expect(serverSide(issue)?.facts.map((f) => `${f.label}=${f.value}`)).toEqual(['replyState=replies.states.draft', 'addressee=Jan Nowak', 'body=Wersja kierownika', 'editedAt=2026-11-20T10:01:00.000Z']);
    expect(localSide({ command: 'replies.draft', local: { reply: { id: 'r2', body: 'Treść', addressee: 'Anna', at: '2026-11-20T10:00:00.000Z' } } }, null)?.facts.map((f) => f.label)).toEqual(['addressee', 'body', 'editedAt']);
  });

  it('keeps an unknown command or shape visible as data rather than hiding it', () => {
    expect(commandKey('routing.route')).toBe('routingRoute');
    expect(commandKey('scans.attach')).toBeNull();
    expect(localSide({ command: 'routing.route', local: { itemId: 'x' } }, null)?.facts).toEqual([{ label: 'data', value: '{"itemId":"x"}', translate: false }]);
    expect(localSide({ command: 'registry.register', local: 'garbage' }, null)?.facts[0]?.label).toBe('data');
    expect(localSide({ command: 'registry.register', local: null }, null)).toBeNull();
    expect(serverSide({ command: 'registry.register', server: null })).toBeNull();
  });

  it('rewords the server’s generic form errors for the conflicts view', () => {
    expect(messageKey({ messageKey: 'errors.invalid_input' })).toBe('sync.rejections.invalidInput');
    expect(messageKey({ messageKey: 'sync.rejections.numberTaken' })).toBe('sync.rejections.numberTaken');
  });
});
