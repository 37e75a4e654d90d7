import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Channel, IncomingItem, ItemRow, ItemStatus, RegisterItemInput } from '../../shared/registry.ts';
import { RpcError, type ErrorCode, type Issue } from '../../shared/result.ts';
import { useApi } from '../api/index.ts';

export interface RegisterFilters {
  text: string;
  from: string | null;
  to: string | null;
  channel: Channel | null;
  status: ItemStatus | null;
  deskCode: string | null;
}

export const emptyFilters = (): RegisterFilters => ({ text: '', from: null, to: null, channel: null, status: null, deskCode: null });

const PAGE_SIZE = 200;

/**
 * The incoming register as the desk sees it: the registering flow and the list. The list keeps
 * only the pages loaded so far; the virtual list asks for more as the clerk scrolls.
 */
export const useRegistryStore = defineStore('registry', () => {
  const lastRegistered = ref<IncomingItem | null>(null);
  const lastChannel = ref<Channel | null>(null);
  const registering = ref(false);

  const rows = ref<ItemRow[]>([]);
  const total = ref<number | null>(null);
  const totalExact = ref(true);
  const next = ref<number | null>(null);
  const loading = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  const filters = ref<RegisterFilters>(emptyFilters());
  let generation = 0;

  /** Registers one letter; returns core's field issues (empty on success). */
  async function register(input: RegisterItemInput): Promise<readonly Issue[]> {
    registering.value = true;
    errorCode.value = null;
    try {
      lastRegistered.value = await useApi().call('registry.register', input);
      lastChannel.value = lastRegistered.value.channel;
      return [];
    } catch (error) {
      errorCode.value = error instanceof RpcError ? error.code : 'internal';
      return error instanceof RpcError ? error.issues : [];
    } finally {
      registering.value = false;
    }
  }

  /** The channel of the newest entry: the form's default, so a run of post needs no change. */
  async function loadLastChannel(): Promise<void> {
    if (lastChannel.value) return;
    try {
      const page = await useApi().call('registry.list', { limit: 1 });
      lastChannel.value = page.rows[0]?.channel ?? null;
    } catch {
      // The form then starts on its own default; nothing to tell the clerk.
    }
  }

  /** Replaces the list with the first page for `filters`; an older, slower answer is discarded. */
  async function search(next_filters: RegisterFilters): Promise<void> {
    filters.value = next_filters;
    const mine = ++generation;
    loading.value = true;
    errorCode.value = null;
    try {
      const page = await useApi().call('registry.list', { ...next_filters, limit: PAGE_SIZE });
      if (mine !== generation) return;
      rows.value = page.rows;
      total.value = page.total;
      totalExact.value = page.totalExact;
      next.value = page.next;
    } catch (error) {
      if (mine === generation) errorCode.value = error instanceof RpcError ? error.code : 'internal';
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (loading.value || next.value === null) return;
    const mine = generation;
    loading.value = true;
    try {
      const page = await useApi().call('registry.list', { ...filters.value, before: next.value, limit: PAGE_SIZE });
      if (mine !== generation) return;
      rows.value = [...rows.value, ...page.rows];
      next.value = page.next;
    } catch (error) {
      errorCode.value = error instanceof RpcError ? error.code : 'internal';
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return { lastRegistered, lastChannel, registering, rows, total, totalExact, next, loading, errorCode, filters, register, loadLastChannel, search, loadMore };
});
