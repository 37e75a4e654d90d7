import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo } from '../../shared/app-info.ts';
import { RpcError, type ErrorCode } from '../../shared/result.ts';
import { useApi } from '../api/index.ts';

/** Facts about this installation (version, mode, data folder) and notices from the shell. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null);
  const errorCode = ref<ErrorCode | null>(null);
  const updateVersion = ref<string | null>(null);

  async function load(): Promise<void> {
    try {
      info.value = await useApi().call('app.info', {});
      errorCode.value = null;
    } catch (error) {
      errorCode.value = error instanceof RpcError ? error.code : 'internal';
    }
  }

  function announceUpdate(version: string): void {
    updateVersion.value = version;
  }

  return { info, errorCode, updateVersion, load, announceUpdate };
});
