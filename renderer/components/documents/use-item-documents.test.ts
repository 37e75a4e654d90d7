import { beforeEach, describe, expect, it } from 'vitest';
import { effectScope, ref, watch } from 'vue';
import { AppError } from '../../../electron/core/rpc/app-error.ts';
import { createDispatch } from '../../../electron/core/rpc/dispatch.ts';
import { handlersFor } from '../../../electron/core/test-support/handlers.ts';
import { MAX_IMPORT_FILE_BYTES, type ImportDocumentResult, type ItemDocument } from '../../../shared/document-import.ts';
import { createClient } from '../../../shared/rpc/client.ts';
import { setApiClient } from '../../api/index.ts';
import { fakeEvents, type FakeEvents } from '../../test-support/fake-events.ts';
import { useItemDocuments, type FileToImport, type ImportState } from './use-item-documents.ts';

// The composable against core's real dispatch (the contract parses both ways); what core stores
// and refuses is a variable here. The real import is tests/e2e/documents.spec.ts and the corpus test.
const ITEM = '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e61';
const OTHER_ITEM = '0190a4c2-7e1b-7c4d-8a5e-2f0c3b4d5e62';

function documentOf(name: string, pageCount: number, n: number): ItemDocument {
  const sha = n.toString(16).padStart(64, '0');
  return {
    id: `0190a4c2-7e1b-7c4d-8a5e-${n.toString(16).padStart(12, '0')}`, itemId: ITEM, originalName: name, originalFormat: 'pdf',
    originalMediaType: 'application/pdf', originalSha256: sha, originalSize: 1000, pdfSha256: sha, pdfSize: 1000, pageCount,
    importedAt: '2026-12-02T09:00:00.000Z', importedByLogin: 'tdudek', importedByName: 'Tomasz Dudek',
  };
}

let stored: ItemDocument[];
let listCalls: number;
let received: { fileName: string; text: string; password: string | undefined }[];
let events: FakeEvents;

beforeEach(() => {
  stored = [documentOf('pismo.pdf', 2, 1)];
  listCalls = 0;
  received = [];
  events = fakeEvents();
  const dispatch = createDispatch(handlersFor({
    'documents.ofItem': ({ itemId }) => {
      listCalls += 1;
      return itemId === ITEM ? stored : [];
    },
    'documents.import': ({ fileName, base64, password }): ImportDocumentResult => {
      const text = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      received.push({ fileName, text, password });
      if (text.includes('corrupt')) return { status: 'refused', reason: 'documentImport.corrupt', detail: 'No %%EOF' };
      if (text.includes('encrypted') && password === undefined) return { status: 'refused', reason: 'documentImport.encrypted', detail: 'Needs a password' };
      if (text.includes('encrypted') && password !== 'sezam') return { status: 'refused', reason: 'documentImport.wrongPassword', detail: 'Wrong password' };
      if (text.includes('vanish')) throw new AppError('not_found', 'The register entry is gone');
      const document = documentOf(fileName, text.length, stored.length + 1);
      stored = [...stored, document];
      return { status: 'imported', document, duplicate: false };
    },
  }), { checkOutput: true, logError: () => undefined });
  setApiClient(createClient({ call: (method, input) => dispatch(method, input), on: events.on }));
});

function mounted(itemId: () => string = () => ITEM) {
  const scope = effectScope();
  const docs = scope.run(() => useItemDocuments(itemId));
  if (!docs) throw new Error('no composable');
  return { docs, stop: () => scope.stop() };
}

const settled = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

const file = (name: string, text: string): File => new File([text], name, { type: 'application/pdf' });

describe("an entry's documents", () => {
  it('lists what is attached, and reads the list again when core says this entry changed — not another one', async () => {
    const { docs, stop } = mounted();
    await settled();
    expect(docs.loaded.value).toBe(true);
    expect(docs.documents.value.map((d) => d.originalName)).toEqual(['pismo.pdf']);
    expect(listCalls).toBe(1);

    stored = [...stored, documentOf('z-innego-okna.pdf', 1, 9)];
    events.emit('registry.changed', { ids: [OTHER_ITEM] });
    await settled();
    expect(listCalls).toBe(1);
    events.emit('registry.changed', { ids: [OTHER_ITEM, ITEM] });
    await settled();
    expect(listCalls).toBe(2);
    expect(docs.documents.value.map((d) => d.originalName)).toEqual(['pismo.pdf', 'z-innego-okna.pdf']);

    // Gone from the page, it stops listening.
    stop();
    events.emit('registry.changed', { ids: [ITEM] });
    await settled();
    expect(listCalls).toBe(2);
  });

  it('imports several files one after another, each with its own line; a refused one is never listed', async () => {
    const { docs } = mounted();
    await settled();
    const seen: string[] = [];
    const done = docs.importFiles([file('skan-1.pdf', 'first scan'), file('uszkodzony.pdf', 'corrupt bytes'), file('skan-2.pdf', 'second')]);
    // Every file has its line at once, waiting its turn.
    expect(docs.imports.value.map((l) => [l.fileName, l.state.phase])).toEqual([['skan-1.pdf', 'reading'], ['uszkodzony.pdf', 'queued'], ['skan-2.pdf', 'queued']]);
    expect(docs.busy.value).toBe(true);
    const first = docs.imports.value[0];
    const stopWatching = watchPhases(() => first?.state, seen);
    await done;
    stopWatching();

    expect(received.map((r) => r.fileName)).toEqual(['skan-1.pdf', 'uszkodzony.pdf', 'skan-2.pdf']);
    expect(received[0]?.text).toBe('first scan');
    expect(seen).toEqual(['checking', 'imported']); // 'reading' it already was
    const states = docs.imports.value.map((l) => l.state);
    expect(states.map((s) => s.phase)).toEqual(['imported', 'refused', 'imported']);
    expect(states[1]).toEqual({ phase: 'refused', messageKey: 'documentImport.corrupt' });
    expect(pagesOf(states[0])).toBe('first scan'.length);
    // Listed at once, before core's registry.changed arrives; the refused file is not there.
    expect(docs.documents.value.map((d) => d.originalName)).toEqual(['pismo.pdf', 'skan-1.pdf', 'skan-2.pdf']);
    expect(docs.busy.value).toBe(false);
  });

  it('asks for the password of a PDF that needs one, tries again with what is typed, and says when it is wrong', async () => {
    const { docs } = mounted();
    await settled();
    await docs.importFiles([file('wyciag.pdf', 'encrypted statement'), file('skan.pdf', 'scan')]);
    expect(docs.imports.value.map((l) => l.state)).toEqual([{ phase: 'locked', wrong: false }, expect.objectContaining({ phase: 'imported' })]);
    const locked = docs.imports.value[0];
    if (!locked) throw new Error('no line');

    await docs.unlock(locked.id, 'zle');
    expect(docs.imports.value[0]?.state).toEqual({ phase: 'locked', wrong: true });
    expect(docs.busy.value).toBe(false);

    await docs.unlock(locked.id, 'sezam');
    expect(docs.imports.value[0]?.state).toMatchObject({ phase: 'imported' });
    // The same file each time; the password only with the tries it was typed for.
    expect(received.map((r) => [r.fileName, r.password])).toEqual([['wyciag.pdf', undefined], ['skan.pdf', undefined], ['wyciag.pdf', 'zle'], ['wyciag.pdf', 'sezam']]);
    expect(docs.documents.value.map((d) => d.originalName)).toEqual(['pismo.pdf', 'skan.pdf', 'wyciag.pdf']);
    // An imported line takes no password any more.
    await docs.unlock(locked.id, 'sezam');
    expect(received).toHaveLength(4);
  });

  it('refuses a file over the limit with the reason core would give, without reading a byte of it', async () => {
    const { docs } = mounted();
    await settled();
    let read = false;
    const huge: FileToImport = {
      name: 'ogromny.tiff',
      size: MAX_IMPORT_FILE_BYTES + 1,
      slice: () => {
        read = true;
        return new Blob([]);
      },
    };
    await docs.importFiles([huge]);
    expect(docs.imports.value.map((l) => l.state)).toEqual([{ phase: 'refused', messageKey: 'documentImport.tooLarge' }]);
    expect(read).toBe(false);
    expect(received).toEqual([]);
  });

  it('shows a failed call as its error, in Polish terms, on the line of the file', async () => {
    const { docs } = mounted();
    await settled();
    await docs.importFiles([file('znika.pdf', 'vanish')]);
    expect(docs.imports.value[0]?.state).toEqual({ phase: 'refused', messageKey: 'errors.not_found' });
  });

  it('starts afresh when another entry is shown: its own list, no lines of the last one', async () => {
    const itemId = ref(ITEM);
    const { docs } = mounted(() => itemId.value);
    await settled();
    await docs.importFiles([file('skan.pdf', 'scan')]);
    expect(docs.imports.value).toHaveLength(1);
    itemId.value = OTHER_ITEM;
    await settled();
    expect(docs.documents.value).toEqual([]);
    expect(docs.imports.value).toEqual([]);
    expect(listCalls).toBe(2);
  });
});

function pagesOf(state: ImportState | undefined): number | null {
  return state?.phase === 'imported' ? state.document.pageCount : null;
}

/** Records each phase a line passes through, at the moment it is set. */
function watchPhases(state: () => ImportState | undefined, seen: string[]): () => void {
  return watch(() => state()?.phase, (phase) => {
    if (phase) seen.push(phase);
  }, { flush: 'sync' });
}
