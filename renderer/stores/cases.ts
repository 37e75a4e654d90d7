import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CaseScope, CaseWithDeadline } from '../../shared/cases.ts';
import { RpcError, type ErrorCode } from '../../shared/result.ts';
import { useApi } from '../api/index.ts';

/**
 * "Moje sprawy": the list and its urgent part, with the clerk's choices (my units, closed ones
 * too). A store so the choices survive a visit to a case's detail and back.
 */
export const useCasesStore = defineStore('cases', () => {
  const scope = ref<CaseScope>('mine');
  const includeClosed = ref(false);
  const cases = ref<CaseWithDeadline[]>([]);
  const dueSoon = ref<CaseWithDeadline[]>([]);
  const loaded = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  // Toggling quickly sends several questions: only the answer to the last one may be shown.
  let asked = 0;

  async function load(): Promise<void> {
    const mine = ++asked;
    const query = { scope: scope.value, includeClosed: includeClosed.value };
    try {
      const api = useApi();
      const [list, urgent] = await Promise.all([api.call('cases.list', query), api.call('cases.dueSoon', { scope: query.scope })]);
      if (mine !== asked) return;
      cases.value = list;
      dueSoon.value = urgent;
      loaded.value = true;
      errorCode.value = null;
    } catch (error) {
      if (mine === asked) errorCode.value = error instanceof RpcError ? error.code : 'internal';
    }
  }

  return { scope, includeClosed, cases, dueSoon, loaded, errorCode, load };
});
