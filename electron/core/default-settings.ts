import { hostname } from 'node:os';
import { EditableSettings } from '../../shared/settings.ts';

/**
 * The embedded defaults a fresh install runs on: named after the PC (what IT sees in its
 * inventory), no desk, no central server (local work only), Polish UI.
 */
export function defaultSettings(overrides: Partial<EditableSettings> = {}): EditableSettings {
  const computerName = hostname().trim().slice(0, 64);
  return EditableSettings.parse({
    workstationName: computerName === '' ? 'Stanowisko' : computerName,
    deskCode: '',
    centralServerUrl: '',
    uiLanguage: 'pl',
    ...overrides,
  });
}
