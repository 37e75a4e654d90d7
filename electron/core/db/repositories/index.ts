import type { Database } from 'better-sqlite3';
import { schemaVersion } from '../migrate.ts';
import { getCorrespondent, saveCorrespondent, searchCorrespondents } from './correspondents.ts';
import { cancelItem, getItem, itemsForExport, listDeskCodes, listItems, registerItem } from './incoming-items.ts';
import { readSettings, writeSettings } from './settings.ts';

/**
 * Every synchronous repository function the worker may run, by name. The worker protocol and the
 * client's types both derive from this one map (Signal's DataReader/DataWriter idea, shrunk).
 */
export const repositories = {
  'meta.schemaVersion': schemaVersion,
  'settings.read': readSettings,
  'settings.write': writeSettings,
  'registry.register': registerItem,
  'registry.cancel': cancelItem,
  'registry.get': getItem,
  'registry.list': listItems,
  'registry.forExport': itemsForExport,
  'registry.desks': listDeskCodes,
  'correspondents.save': saveCorrespondent,
  'correspondents.get': getCorrespondent,
  'correspondents.search': searchCorrespondents,
} satisfies Record<string, (db: Database, ...args: never[]) => unknown>;

export type Repositories = typeof repositories;
export type RepoName = keyof Repositories;
export type RepoArgs<K extends RepoName> = Parameters<Repositories[K]> extends [Database, ...infer Rest] ? Rest : never;
export type RepoResult<K extends RepoName> = ReturnType<Repositories[K]>;

export function isRepoName(name: unknown): name is RepoName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(repositories, name);
}
