import { z } from 'zod';

/**
 * Workstation settings (Ustawienia). Messages are i18n keys: the same schema validates the form
 * in the renderer and the input in core, and both show the same Polish message.
 */

export const UiLanguage = z.enum(['pl', 'en']);
export type UiLanguage = z.infer<typeof UiLanguage>;

export const WorkstationName = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(64, { error: 'validation.tooLong64' });

/**
 * Symbol of the punkt kancelaryjny (registry desk) this workstation serves. Empty means "not a
 * registry desk" (a unit clerk's PC). It becomes part of RPW numbering, hence the narrow alphabet.
 */
export const DeskCode = z
  .string({ error: 'validation.required' })
  .trim()
  .toUpperCase()
  .max(16, { error: 'validation.tooLong16' })
  .regex(/^(?:[A-Z0-9][A-Z0-9-]*)?$/, { error: 'validation.deskCode' });

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** Address of the central case API. Empty means the workstation works locally only. */
export const CentralServerUrl = z
  .string({ error: 'validation.required' })
  .trim()
  .max(2048, { error: 'validation.tooLong2048' })
  .refine((value) => value === '' || isHttpUrl(value), { error: 'validation.httpUrl' })
  .transform((value) => value.replace(/\/+$/, ''));

/**
 * Folder that network MFPs scan into and this workstation watches (a local path or a share such
 * as \\serwer\skany). Empty means no hot folder. Optional in the input so that callers written
 * before it existed keep working; saving the form without it turns the hot folder off.
 */
export const HotFolderPath = z
  .string({ error: 'validation.required' })
  .trim()
  .max(1024, { error: 'validation.tooLong1024' })
  .refine((value) => !Array.from({ length: value.length }, (_, i) => value.charCodeAt(i)).some((code) => code < 0x20), { error: 'validation.hotFolderPath' });

/**
 * The sender printed at the head of the dispatch book and as the return address on envelopes:
 * the office's name, then its address, one per line. Empty: nothing postal can be printed yet.
 */
export const PostalSender = z
  .string({ error: 'validation.required' })
  .trim()
  .max(500, { error: 'validation.tooLong500' })
  .refine((value) => value === '' || value.split('\n').filter((line) => line.trim() !== '').length >= 2, { error: 'validation.postalSender' });

/**
 * The text of this desk's own separator sheets for scanned batches (issue 6, point 5): a page whose
 * barcode reads exactly this ends the letter before it and is dropped, as a PATCH-T sheet is
 * (PATCH-T always separates). Empty means PATCH-T only. It may not look like an RPW label, which
 * starts a letter and is kept: one code cannot mean both.
 */
export const BatchSeparator = z
  .string({ error: 'validation.required' })
  .trim()
  .max(64, { error: 'validation.tooLong64' })
  .refine((value) => !Array.from({ length: value.length }, (_, i) => value.charCodeAt(i)).some((code) => code < 0x20 || code === 0x7f), { error: 'validation.batchSeparatorChars' })
  .refine((value) => !/^RPW\//iu.test(value), { error: 'validation.batchSeparatorLabel' });

export const EditableSettings = z.object({
  workstationName: WorkstationName,
  deskCode: DeskCode,
  centralServerUrl: CentralServerUrl,
  uiLanguage: UiLanguage,
  hotFolderPath: HotFolderPath.default(''),
  postalSender: PostalSender.default(''),
  batchSeparator: BatchSeparator.default(''),
});
export type EditableSettings = z.infer<typeof EditableSettings>;
export type SettingsKey = keyof EditableSettings;
export const settingsKeys = EditableSettings.keyof().options;

export const Settings = EditableSettings.extend({
  /** When a clerk last saved them (ISO 8601), null while the embedded defaults are in force. */
  updatedAt: z.iso.datetime().nullable(),
});
export type Settings = z.infer<typeof Settings>;
