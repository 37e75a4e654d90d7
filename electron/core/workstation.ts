import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { AppInfo, Shell } from '../../shared/app-info.ts';
import type { EditableSettings } from '../../shared/settings.ts';
import { startDbWorker, type DbClient } from './db/db-client.ts';
import { defaultSettings } from './default-settings.ts';
import { EventBus } from './events.ts';
import { createDispatch, type Dispatch, type Handlers } from './rpc/dispatch.ts';
import { startDocumentsWorker } from './pdf/documents-client.ts';
import { AppError } from './rpc/app-error.ts';
import { RegistryDocumentsService } from './services/registry-documents-service.ts';
import { RegistryService } from './services/registry-service.ts';
import { SettingsService } from './services/settings-service.ts';
import type { WorkerUrls } from './workers/worker-urls.ts';

export interface WorkstationOptions {
  readonly dataDir: string;
  readonly version: string;
  readonly shell: Shell;
  /** Where the worker threads' scripts are (sources under Node, bundles inside Electron). */
  readonly workers: WorkerUrls;
  /** Overrides of the embedded defaults (tests, or a policy file later). */
  readonly defaults?: Partial<EditableSettings>;
  readonly checkOutput?: boolean;
  /** The shell's printer: Electron prints through the system dialog; the devserver has none. */
  readonly printPdf?: (bytes: Buffer) => Promise<boolean>;
  readonly logError?: (message: string, error: unknown) => void;
}

/** The workstation core as a host (Electron main or the devserver) sees it. */
export interface Workstation {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  close(): Promise<void>;
}

export const DATABASE_FILE_NAME = 'kancelaria.sqlite';

/** Composition root of core: opens the data folder, wires services to the contract's handlers. */
export async function startWorkstation(options: WorkstationOptions): Promise<Workstation> {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const db: DbClient = await startDbWorker(options.workers.db, databaseFile);
  const documents = startDocumentsWorker(options.workers.documents);
  const events = new EventBus();
  const settings = new SettingsService(db, events, defaultSettings(options.defaults));
  const registry = new RegistryService(db, events, settings);
  const registryDocuments = new RegistryDocumentsService(db, documents, settings);

  const handlers: Handlers = {
    'app.info': async (): Promise<AppInfo> => ({
      version: options.version,
      shell: options.shell,
      dataDir: options.dataDir,
      databaseFile,
      schemaVersion: await db.call('meta.schemaVersion'),
    }),
    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),
    'registry.register': (input) => registry.register(input),
    'registry.cancel': (input) => registry.cancel(input.id, input.reason),
    'registry.get': (input) => registry.get(input.id),
    'registry.list': (input) => registry.list(input),
    'registry.desks': () => registry.desks(),
    'registry.document': (input) => registryDocuments.itemDocument(input),
    'registry.export': (input) => registryDocuments.registerExport(input),
    'documents.print': async (input) => {
      if (!options.printPdf) throw new AppError('not_supported', 'This shell does not print; the browser prints the opened PDF');
      return { printed: await options.printPdf(Buffer.from(input.base64, 'base64')) };
    },
    'correspondents.search': (input) => registry.searchCorrespondents(input.text, input.limit),
    'correspondents.save': (input) => registry.saveCorrespondent(input),
  };

  const dispatch = createDispatch(handlers, {
    checkOutput: options.checkOutput ?? false,
    logError: options.logError ?? ((message, error) => console.error(message, error)),
  });

  return {
    dispatch,
    events,
    close: async () => {
      await Promise.all([db.close(), documents.close()]);
    },
  };
}
