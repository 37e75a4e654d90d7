import { defineStore } from 'pinia';
import { ref } from 'vue';
import { z } from 'zod';
import { ScanMode, ScanSource, type ScannerDevice } from '../../shared/scanning.ts';
import { useApi } from '../api/index.ts';

const CHOICE_KEY = 'kancelaria.scanner';

/** The clerk's scanner and its settings, remembered on this computer (they belong to the desk, not to a letter). */
export const ScanChoice = z.object({
  deviceId: z.string().default(''),
  resolution: z.number().int().min(50).max(1200).default(300),
  mode: ScanMode.default('gray'),
  duplex: z.boolean().default(false),
  source: ScanSource.default('flatbed'),
});
export type ScanChoice = z.infer<typeof ScanChoice>;

function storedChoice(): ScanChoice {
  try {
    const parsed = ScanChoice.safeParse(JSON.parse(localStorage.getItem(CHOICE_KEY) ?? '{}'));
    return parsed.success ? parsed.data : ScanChoice.parse({});
  } catch {
    return ScanChoice.parse({});
  }
}

/**
 * Scanners are listed once per session (asking SANE for network scanners can take many
 * seconds), so the panel after each registration opens at once; "Odśwież" asks again.
 */
export const useScannerStore = defineStore('scanner', () => {
  const devices = ref<ScannerDevice[] | null>(null);
  const loading = ref(false);
  const choice = ref<ScanChoice>(storedChoice());
  let pending: Promise<void> | null = null;

  function load(force = false): Promise<void> {
    if (!force && devices.value !== null) return Promise.resolve();
    pending ??= (async () => {
      loading.value = true;
      try {
        devices.value = await useApi().call('scanner.devices', {});
        const known = devices.value.some((d) => d.id === choice.value.deviceId);
        if (!known && devices.value[0]) remember({ deviceId: devices.value[0].id });
      } finally {
        loading.value = false;
        pending = null;
      }
    })();
    return pending;
  }

  function remember(change: Partial<ScanChoice>): void {
    choice.value = { ...choice.value, ...change };
    localStorage.setItem(CHOICE_KEY, JSON.stringify(choice.value));
  }

  return { devices, loading, choice, load, remember };
});
