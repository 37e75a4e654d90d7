import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en.ts';
import { pl } from '../../renderer/i18n/pl.ts';
import { eventNames, methodNames } from '../../shared/contract.ts';
import { repositories } from '../../electron/core/db/repositories/index.ts';
import { serverCommands } from '../../server/sync/commands/index.ts';

/**
 * Every message key that code outside the renderer hands to the clerk (validation messages,
 * refusals, sync rejections, sign-in problems) must read in Polish and in English: a raw key on
 * screen is a bug. Keys are found as string literals in the source, by their families.
 */
const root = join(import.meta.dirname, '../..');
const FAMILIES = ['validation', 'errors', 'sync.rejections', 'sync.errors', 'auth', 'cases', 'routing', 'jrwa', 'documentImport', 'documentViewer', 'templates', 'replies', 'outgoing', 'reports'];
const KEY = new RegExp(`['"\`]((?:${FAMILIES.map((f) => f.replace('.', '\\.')).join('|')})\\.[a-zA-Z0-9_]+)['"\`]`, 'gu');

/** Names that look like keys but are contract methods, events, repository functions or sync commands. */
const NOT_MESSAGES = new Set<string>([...methodNames, ...eventNames, ...Object.keys(repositories), ...Object.keys(serverCommands)]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.ts$/u.test(name) && !/\.test\.ts$/u.test(name) ? [path] : [];
  });
}

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe('message keys from core, shared and server', () => {
  const used = new Map<string, string>();
  for (const dir of ['shared', 'electron/core', 'server']) {
    for (const file of sources(join(root, dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(KEY)) {
        const key = match[1];
        // Template keys such as `validation.tooLong${max}` are checked where they are built.
        if (key !== undefined && !used.has(key) && !NOT_MESSAGES.has(key)) used.set(key, relative(root, file));
      }
    }
  }

  it('finds the keys at all', () => {
    expect(used.size).toBeGreaterThan(40);
  });

  it('has a Polish and an English text for every one of them', () => {
    const missing = [...used].flatMap(([key, file]) => [
      ...(typeof lookup(pl, key) === 'string' ? [] : [`pl: ${key} (${file})`]),
      ...(typeof lookup(en, key) === 'string' ? [] : [`en: ${key} (${file})`]),
    ]);
    expect(missing).toEqual([]);
  });
});
