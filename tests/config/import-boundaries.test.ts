import { ESLint } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerRules } from '../../eslint/layers.js';

// The layer rules alone, on code written into each folder: proves the lint really fails on a
// wrong import (and passes a right one), so the boundaries cannot silently stop being enforced.
const eslint = new ESLint({
  cwd: join(import.meta.dirname, '../..'),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerRules],
});

async function violations(file: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result?.messages.filter((m) => m.ruleId === 'no-restricted-imports').length ?? -1;
}

const cases: [file: string, source: string, allowed: boolean][] = [
  ['shared/x.ts', "import { z } from 'zod';", true],
  ['shared/x.ts', "import { readFileSync } from 'node:fs';", false],
  ['shared/x.ts', "import { join } from 'path';", false],
  ['shared/x.ts', "import { ref } from 'vue';", false],
  ['shared/x.ts', "import { x } from '../electron/core/workstation.ts';", false],
  ['electron/core/x.ts', "import { readFileSync } from 'node:fs';", true],
  ['electron/core/x.ts', "import { methods } from '../../shared/contract.ts';", true],
  ['electron/core/x.ts', "import { app } from 'electron';", false],
  ['electron/core/x.ts', "import { x } from '../main/index.ts';", false],
  ['electron/main/x.ts', "import { app } from 'electron';", true],
  ['electron/main/x.ts', "import { startWorkstation } from '../core/workstation.ts';", true],
  ['electron/main/x.ts', "import { x } from '../devserver/server.ts';", false],
  ['electron/preload/x.ts', "import { contextBridge } from 'electron';", true],
  ['electron/preload/x.ts', "import { methods } from '../../shared/contract.ts';", true],
  ['electron/preload/x.ts', "import { Settings } from '../../shared/settings.ts';", false],
  ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';", false],
  ['electron/preload/x.ts', "import { z } from 'zod';", false],
  ['electron/devserver/x.ts', "import { createServer } from 'node:http';", true],
  ['electron/devserver/x.ts', "import { app } from 'electron';", false],
  ['renderer/x.ts', "import { ref } from 'vue';", true],
  ['renderer/x.ts', "import { methods } from '../shared/contract.ts';", true],
  ['renderer/x.ts', "import { openDatabase } from '../electron/core/db/open.ts';", false],
  ['renderer/x.ts', "import { readFileSync } from 'fs';", false],
  ['renderer/x.ts', "import { ipcRenderer } from 'electron';", false],
  ['server/x.ts', "import { methods } from '../shared/contract.ts';", true],
  ['server/x.ts', "import { x } from '../electron/core/workstation.ts';", false],
  ['server/x.ts', "import { ref } from 'vue';", false],
];

describe('import boundaries (DESIGN.md)', () => {
  it.each(cases)('%s: %s → allowed: %s', async (file, source, allowed) => {
    const found = await violations(file, source);
    expect(found === 0, `${String(found)} violation(s)`).toBe(allowed);
  });
});
