import { computed, onScopeDispose, ref, watch } from 'vue';
import { MAX_IMPORT_FILE_BYTES, type ItemDocument } from '../../../shared/document-import.ts';
import { RpcError } from '../../../shared/result.ts';
import { useApi } from '../../api/index.ts';
import { readBase64 } from './read-base64.ts';

/** Where one file of an import stands, for its status line. Keys are i18n keys. */
export type ImportState =
  | { readonly phase: 'queued' }
  | { readonly phase: 'reading'; readonly fraction: number }
  | { readonly phase: 'checking' }
  | { readonly phase: 'imported'; readonly document: ItemDocument; readonly duplicate: boolean }
  | { readonly phase: 'refused'; readonly messageKey: string }
  /** A PDF that needs a password: the clerk may type the one its sender gave (`wrong`: the last one did not open it). */
  | { readonly phase: 'locked'; readonly wrong: boolean };

export interface ImportLine {
  readonly id: number;
  readonly fileName: string;
  readonly size: number;
  state: ImportState;
}

/** What the composable needs of a File: the picker's and a drop's files both are. */
export interface FileToImport {
  readonly name: string;
  readonly size: number;
  slice(start?: number, end?: number): Blob;
}

/**
 * The documents of one register entry and the imports onto it. Files go to the core one at a
 * time (each may be a 200 MB scan checked in the import worker), each with its own status line.
 * The list is read again whenever core says the entry changed: after an import here, and after
 * one at another window or desk.
 */
export function useItemDocuments(itemId: () => string) {
  const documents = ref<ItemDocument[]>([]);
  const loaded = ref(false);
  const errorKey = ref<string | null>(null);
  const imports = ref<ImportLine[]>([]);
  const queue: QueuedImport[] = [];
  // Files that need a password, kept until it is typed (or the list makes way for a new batch).
  const locked = new Map<number, QueuedImport>();
  let running = false;
  let nextLineId = 1;
  // An answer to a load that started before a newer one is stale: the newer one wins.
  let loads = 0;

  async function load(): Promise<void> {
    const mine = ++loads;
    const id = itemId();
    try {
      const next = await useApi().call('documents.ofItem', { itemId: id });
      if (mine !== loads) return;
      documents.value = next;
      errorKey.value = null;
    } catch (error) {
      if (mine === loads) errorKey.value = messageKeyOf(error);
    } finally {
      if (mine === loads) loaded.value = true;
    }
  }

  watch(itemId, () => {
    documents.value = [];
    loaded.value = false;
    imports.value = [];
    locked.clear();
    void load();
  }, { immediate: true });

  const stopListening = useApi().on('registry.changed', ({ ids }) => {
    if (ids.includes(itemId())) void load();
  });
  onScopeDispose(stopListening);

  /** Queues files for import; the lines of a finished earlier batch make way for the new one. */
  function importFiles(files: Iterable<FileToImport>): Promise<void> {
    if (!running) {
      imports.value = [];
      locked.clear();
    }
    for (const file of files) {
      imports.value.push({ id: nextLineId++, fileName: file.name, size: file.size, state: { phase: 'queued' } });
      // The reactive copy, so that state changes reach the status lines.
      const line = imports.value[imports.value.length - 1];
      if (line) queue.push({ line, file, itemId: itemId() });
    }
    return pump();
  }

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        next.line.state = await importOne(next, (state) => (next.line.state = state));
        if (next.line.state.phase === 'imported') remember(next.line.state.document);
        if (next.line.state.phase === 'locked') locked.set(next.line.id, next);
        else locked.delete(next.line.id);
      }
    } finally {
      running = false;
    }
  }

  /** Shows an import at once; the registry.changed that follows reads the list again anyway. */
  function remember(document: ItemDocument): void {
    if (document.itemId !== itemId() || documents.value.some((d) => d.id === document.id)) return;
    documents.value = [...documents.value, document];
  }

  /** Tries a locked file again with the password typed for it; the password goes with this one import only. */
  function unlock(lineId: number, password: string): Promise<void> {
    const entry = locked.get(lineId);
    if (!entry || password === '') return Promise.resolve();
    locked.delete(lineId);
    entry.line.state = { phase: 'queued' };
    queue.push({ ...entry, password });
    return pump();
  }

  const busy = computed(() => imports.value.some((l) => l.state.phase === 'queued' || l.state.phase === 'reading' || l.state.phase === 'checking'));

  return { documents, loaded, errorKey, imports, busy, load, importFiles, unlock };
}

interface QueuedImport {
  readonly line: ImportLine;
  readonly file: FileToImport;
  readonly itemId: string;
  readonly password?: string;
}

async function importOne({ file, itemId, password }: QueuedImport, report: (state: ImportState) => void): Promise<ImportState> {
  // The same reason core would give, before a byte is read: a file this big never travels.
  if (file.size > MAX_IMPORT_FILE_BYTES) return { phase: 'refused', messageKey: 'documentImport.tooLarge' };
  try {
    const base64 = await readBase64(file.slice(0, file.size), (fraction) => report({ phase: 'reading', fraction }));
    report({ phase: 'checking' });
    const result = await useApi().call('documents.import', { itemId, fileName: file.name, base64, ...(password === undefined ? {} : { password }) });
    switch (result.status) {
      case 'imported':
        return { phase: 'imported', document: result.document, duplicate: result.duplicate };
      case 'refused':
        if (result.reason === 'documentImport.encrypted') return { phase: 'locked', wrong: false };
        if (result.reason === 'documentImport.wrongPassword') return { phase: 'locked', wrong: true };
        return { phase: 'refused', messageKey: result.reason };
    }
  } catch (error) {
    return { phase: 'refused', messageKey: messageKeyOf(error) };
  }
}

function messageKeyOf(error: unknown): string {
  if (error instanceof RpcError) return error.issues[0]?.message ?? `errors.${error.code}`;
  // A file that vanished or became unreadable between the pick and the read.
  if (error instanceof DOMException || (error instanceof Error && error.name === 'NotReadableError')) return 'documentViewer.unreadable';
  return 'errors.internal';
}
