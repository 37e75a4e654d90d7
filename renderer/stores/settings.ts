import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { EditableSettings, type Settings } from '../../shared/settings.ts';
import { RpcError, toIssues, type ErrorCode } from '../../shared/result.ts';
import { useApi } from '../api/index.ts';

export type FieldErrors = Partial<Record<keyof EditableSettings, string>>;

/**
 * The workstation's settings as saved in core. The form keeps its own draft; this store holds
 * what is really stored, so "unsaved changes" is a comparison, not a flag to keep in sync.
 */
export const useSettingsStore = defineStore('settings', () => {
  const saved = ref<Settings | null>(null);
  const loading = ref(false);
  const saving = ref(false);
  const errorCode = ref<ErrorCode | null>(null);

  const editable = computed<EditableSettings | null>(() => {
    if (!saved.value) return null;
    const { updatedAt: _updatedAt, ...values } = saved.value;
    return values;
  });

  async function load(): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    try {
      saved.value = await useApi().call('settings.get', {});
    } catch (error) {
      errorCode.value = codeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /**
   * Validates with the same schema core uses (instant, Polish messages), then saves. Returns the
   * field errors, empty when saved; a transport or core failure is in `errorCode`.
   */
  async function save(draft: EditableSettings): Promise<FieldErrors> {
    errorCode.value = null;
    const parsed = EditableSettings.safeParse(draft);
    if (!parsed.success) return fieldErrors(toIssues(parsed.error));
    saving.value = true;
    try {
      saved.value = await useApi().call('settings.update', parsed.data);
      return {};
    } catch (error) {
      errorCode.value = codeOf(error);
      return error instanceof RpcError ? fieldErrors(error.issues) : {};
    } finally {
      saving.value = false;
    }
  }

  /** Another window or a sync changed them: take the new values. */
  function receive(settings: Settings): void {
    saved.value = settings;
  }

  return { saved, editable, loading, saving, errorCode, load, save, receive };
});

function codeOf(error: unknown): ErrorCode {
  return error instanceof RpcError ? error.code : 'internal';
}

function fieldErrors(issues: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path as keyof EditableSettings;
    if (field in EditableSettings.shape && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
