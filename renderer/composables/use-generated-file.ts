import { ref } from 'vue';
import type { DocumentFile } from '../../shared/document-import.ts';
import type { GeneratedFile } from '../../shared/documents.ts';
import { RpcError, type Issue } from '../../shared/result.ts';
import { useApi } from '../api/index.ts';
import { openFile, saveFile } from '../api/generated-files.ts';
import { useAppStore } from '../stores/app.ts';

export type FileAction = 'print' | 'save';

/**
 * Runs one "make a document, then print or save it" action at a time, with the state a button
 * row needs: busy (the clerk sees progress after a second), and the error as an i18n key.
 * Printing means the system print dialog inside Electron, and the PDF opened in a new tab in
 * the browser, where the clerk prints it from the viewer.
 */
export function useGeneratedFile() {
  const busy = ref(false);
  const errorKey = ref<string | null>(null);
  const issues = ref<readonly Issue[]>([]);
  const app = useAppStore();

  async function run(make: () => Promise<GeneratedFile | DocumentFile>, action: FileAction): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    errorKey.value = null;
    issues.value = [];
    try {
      const file = await make();
      if (action === 'save') saveFile(file);
      else if (app.info?.shell === 'electron') await useApi().call('documents.print', { fileName: file.fileName, base64: file.base64 });
      else openFile(file);
    } catch (error) {
      issues.value = error instanceof RpcError ? error.issues : [];
      errorKey.value = issues.value[0]?.message ?? `errors.${error instanceof RpcError ? error.code : 'internal'}`;
    } finally {
      busy.value = false;
    }
  }

  return { busy, errorKey, issues, run };
}
