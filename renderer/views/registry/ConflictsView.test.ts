import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/rpc/app-error.ts';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import type { IncomingItem } from '../../../shared/registry.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import type { SyncIssue } from '../../../shared/sync/status.ts';
import { setApiClient } from '../../api/index.ts';
import { useSessionStore } from '../../stores/session.ts';
import { fakeEvents } from '../../test-support/fake-events.ts';
import { mountInApp } from '../../test-support/mount-app.ts';
import ConflictsView from './ConflictsView.vue';

function item(sequence: number, overrides: Partial<IncomingItem> = {}): IncomingItem {
  return {
    id: `0190a4c2-7e1b-7c4d-8a5e-${String(sequence).padStart(12, '0')}`,
    rpwNumber: `RPW/KO/${String(sequence)}/2026`,
    deskCode: 'KO', year: 2026, sequence,
    receivedAt: '2026-11-20T09:00:00+01:00', channel: 'post', postedOn: null, correspondentId: null,
    senderName: 'Jan Kowalski', senderAddress: null, senderReference: null, letterDate: null,
    subject: 'Wniosek o dowód osobisty', attachmentsCount: 0, personalDelivery: false, accessLevel: 'public',
    originalLocation: null, postalTrackingNumber: null, notes: null, status: 'registered', cancelReason: null,
    registeredAt: '2026-11-20T09:01:00+01:00', registeredBy: 'Anna Nowak', trackingCode: 'ABCD-1234', trackingPin: '1234',
    ...overrides,
  };
}

const mine = item(7);
const theirs = item(7, { id: '0190a4c2-7e1b-7c4d-8a5e-ffffffffffff', senderName: 'Zofia Wiśniewska', subject: 'Skarga na hałas', registeredBy: 'Ewa Zielińska', trackingPin: '' });
const cancelledHere = item(3, { status: 'cancelled', cancelReason: 'Pomyłka w nadawcy' });

let issues: SyncIssue[];
let resolvedIds: number[];
const dispatch = createDispatch(handlersFor({
  'sync.issues': () => issues,
  'sync.resolveIssue': ({ id }) => {
    resolvedIds.push(id);
    issues = issues.map((i) => (i.id === id ? { ...i, resolvedAt: '2026-11-20T11:00:00.000Z' } : i));
    return { resolved: true };
  },
  'registry.get': ({ id }) => {
    const found = [mine, cancelledHere].find((i) => i.id === id);
    if (!found) throw new AppError('not_found', 'No such entry');
    return { item: found, events: [] };
  },
}), { checkOutput: true, logError: () => undefined });

beforeEach(() => {
  resolvedIds = [];
  issues = [
    {
      id: 2, seq: 5, command: 'registry.register', status: 'conflict', errorCode: 'number_taken', messageKey: 'sync.rejections.numberTaken',
      local: { item: mine }, server: theirs, createdAt: '2026-11-20T10:00:00.000Z', resolvedAt: null,
    },
    {
      id: 1, seq: 3, command: 'registry.cancel', status: 'conflict', errorCode: 'already_cancelled', messageKey: 'sync.rejections.alreadyCancelled',
      local: { id: cancelledHere.id, reason: 'Pomyłka w nadawcy' }, server: { ...cancelledHere, trackingPin: undefined, cancelReason: 'Dubel' },
      createdAt: '2026-11-19T10:00:00.000Z', resolvedAt: null,
    },
  ];
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: fakeEvents().on }));
});
enableAutoUnmount(afterEach);

async function conflicts() {
  const { wrapper } = await mountInApp(ConflictsView, {
    path: '/kancelaria/konflikty',
    before: () => useSessionStore().receiveAuth({ mode: 'signedIn', user: null, offline: false, serverUrl: 'https://k.example.pl', localPerson: null }),
  });
  await flushPromises();
  return wrapper;
}

/** The facts of one version as "label: value" lines. */
function facts(section: { findAll: (s: string) => { text: () => string }[] }): string[] {
  const terms = section.findAll('dt').map((d) => d.text());
  const values = section.findAll('dd').map((d) => d.text());
  return terms.map((term, i) => `${term}: ${values[i] ?? ''}`);
}

describe('the conflicts view', () => {
  it('shows what happened, in Polish, with this desk’s version beside the server’s', async () => {
    const wrapper = await conflicts();
    const card = wrapper.get('[data-testid="sync-issue-2"]');
    expect(card.get('h3').text()).toBe('Rejestracja pisma — konflikt');
    expect(card.get('.issue-message').text()).toBe('Na serwerze ten numer RPW ma już inne pismo.');
    expect(card.get('[data-testid="version-here"] h4').text()).toBe('Na tym stanowisku');
    expect(facts(card.get('[data-testid="version-here"]'))).toEqual([
      'Numer RPW: RPW/KO/7/2026', 'Nadawca: Jan Kowalski', 'Dotyczy: Wniosek o dowód osobisty', 'Stan: zarejestrowane', 'Zarejestrował(a): Anna Nowak',
    ]);
    expect(card.get('[data-testid="version-server"] h4').text()).toBe('Na serwerze');
    expect(facts(card.get('[data-testid="version-server"]'))).toEqual([
      'Numer RPW: RPW/KO/7/2026', 'Nadawca: Zofia Wiśniewska', 'Dotyczy: Skarga na hałas', 'Stan: zarejestrowane', 'Zarejestrował(a): Ewa Zielińska',
    ]);
    expect(card.get('a').attributes('href')).toBe(`/kancelaria/rejestr/${mine.id}`);
  });

  it('shows a cancel with the entry it was about and both reasons', async () => {
    const wrapper = await conflicts();
    const card = wrapper.get('[data-testid="sync-issue-1"]');
    expect(card.get('h3').text()).toBe('Anulowanie wpisu — konflikt');
    expect(facts(card.get('[data-testid="version-here"]'))).toContain('Powód anulowania: Pomyłka w nadawcy');
    expect(facts(card.get('[data-testid="version-here"]'))).toContain('Numer RPW: RPW/KO/3/2026');
    expect(facts(card.get('[data-testid="version-server"]'))).toContain('Powód anulowania: Dubel');
    expect(facts(card.get('[data-testid="version-server"]'))).toContain('Stan: anulowane');
  });

  it('marks an issue as resolved and moves it, greyed, below the open ones', async () => {
    const wrapper = await conflicts();
    const button = wrapper.get('[data-testid="sync-issue-2"] button');
    expect(button.text()).toBe('Oznacz jako wyjaśnione');
    await button.trigger('click');
    await flushPromises();
    expect(resolvedIds).toEqual([2]);
    expect(wrapper.findAll('.issues-open .issue').map((c) => c.attributes('data-testid'))).toEqual(['sync-issue-1']);
    const resolved = wrapper.get('.issues-resolved');
    expect(resolved.get('h2').text()).toBe('Wyjaśnione');
    expect(resolved.get('.issue').classes()).toContain('resolved');
    expect(resolved.get('.issue').text()).toMatch(/Wyjaśniono \d/);
    expect(resolved.find('button').exists()).toBe(false);
    // The clerk goes on with the next issue to clear up.
    expect(document.activeElement).toBe(wrapper.get('[data-testid="sync-issue-1"] button').element);
  });

  it('says so when there is nothing to clear up', async () => {
    issues = [];
    const wrapper = await conflicts();
    expect(wrapper.get('[data-testid="conflicts-empty"]').text()).toBe('Brak konfliktów — serwer przyjął wszystkie zmiany z tego stanowiska.');
  });
});
