import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Inbox, Route } from '../../shared/routing.ts';
import { RpcError, type ErrorCode } from '../../shared/result.ts';
import { useApi } from '../api/index.ts';

/** What the last action did, for the status line: an i18n key and its values. */
export interface InboxNotice {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * The acting person's dekretacja inbox (core computes it, zastępstwa included) and the steps
 * taken from it: assign, accept, return. Every step reloads the inbox, since one step moves a
 * letter between lists (and sync may have moved others meanwhile).
 */
export const useInboxStore = defineStore('inbox', () => {
  const inbox = ref<Inbox | null>(null);
  const loading = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  const notice = ref<InboxNotice | null>(null);
  // An answer to a load that started before a newer one is stale: the newer one wins.
  let loads = 0;

  async function load(): Promise<void> {
    const mine = ++loads;
    loading.value = true;
    try {
      const next = await useApi().call('routing.inbox', {});
      if (mine === loads) {
        inbox.value = next;
        errorCode.value = null;
      }
    } catch (error) {
      if (mine === loads) errorCode.value = codeOf(error);
    } finally {
      if (mine === loads) loading.value = false;
    }
  }

  /** Runs one step; returns the i18n key of the refusal to show beside its control, or null. */
  async function step(run: () => Promise<Route>, done: (route: Route) => InboxNotice): Promise<string | null> {
    try {
      const route = await run();
      notice.value = done(route);
      await load();
      return null;
    } catch (error) {
      if (error instanceof RpcError) return error.issues[0]?.message ?? `errors.${error.code}`;
      return 'errors.internal';
    }
  }

  function assign(route: Route, assigneeLogin: string): Promise<string | null> {
    return step(() => useApi().call('routing.assign', { routeId: route.id, assigneeLogin }), (r) => ({
      key: 'dekretacja.done.assigned', values: { rpw: r.rpwNumber, name: r.assigneeName ?? r.assigneeLogin ?? '' },
    }));
  }

  function accept(route: Route): Promise<string | null> {
    return step(() => useApi().call('routing.accept', { routeId: route.id }), (r) => ({ key: 'dekretacja.done.accepted', values: { rpw: r.rpwNumber } }));
  }

  function giveBack(route: Route, reason: string): Promise<string | null> {
    return step(() => useApi().call('routing.return', { routeId: route.id, reason }), (r) => ({ key: 'dekretacja.done.returned', values: { rpw: r.rpwNumber } }));
  }

  return { inbox, loading, errorCode, notice, load, assign, accept, giveBack };
});

function codeOf(error: unknown): ErrorCode {
  return error instanceof RpcError ? error.code : 'internal';
}
