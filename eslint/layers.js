// @ts-check
import globals from 'globals';
import { builtinModules } from 'node:module';

/**
 * Layering by runtime environment (DESIGN.md "Parts and where they live"): each folder may import
 * only what its runtime has and the layers below it. A wrong import fails the lint, not a review.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const uiPackages = ['vue', 'pinia', 'vue-router', 'vue-i18n', '@vue/*'];

const layerMessage = 'This layer may not import it (see DESIGN.md, import rules).';

/** @param {{ paths?: string[], patterns?: string[], onlyMatching?: string }} banned */
function restrict({ paths = [], patterns = [], onlyMatching }) {
  /** @type {Array<{ group: string[], message: string } | { regex: string, message: string }>} */
  const patternRules = patterns.length ? [{ group: patterns, message: layerMessage }] : [];
  // `onlyMatching`: an allow-list as a regex; every other import specifier is an error.
  if (onlyMatching) patternRules.push({ regex: `^(?!(?:${onlyMatching})$)`, message: layerMessage });
  return {
    'no-restricted-imports': [
      'error',
      { paths: paths.map((name) => ({ name, message: layerMessage })), patterns: patternRules },
    ],
  };
}

/** @type {import('eslint').Linter.Config[]} */
export const layerRules = [
  // shared/: pure TypeScript that runs everywhere.
  {
    files: ['shared/**/*.ts'],
    rules: restrict({
      paths: [...nodeBuiltins, 'electron', 'better-sqlite3'],
      patterns: ['**/electron/**', '**/renderer/**', '**/server/**', ...uiPackages],
    }),
  },
  // electron/core/: plain Node services; never the Electron API, never the UI.
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict({
      paths: ['electron'],
      patterns: ['**/main/**', '**/preload/**', '**/devserver/**', '**/renderer/**', '**/server/**', ...uiPackages],
    }),
  },
  // electron/main/: the shell; core and shared only.
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict({
      patterns: ['**/preload/**', '**/devserver/**', '**/renderer/**', '**/server/**', ...uiPackages],
    }),
  },
  // electron/preload/: the bridge; Electron and the contract, nothing else.
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: restrict({ onlyMatching: String.raw`electron|(?:\.\./)+shared/contract\.ts` }),
  },
  // electron/devserver/: hosts core over loopback HTTP; no Electron.
  {
    files: ['electron/devserver/**/*.ts'],
    rules: restrict({
      paths: ['electron'],
      patterns: ['**/main/**', '**/preload/**', '**/renderer/**', '**/server/**', ...uiPackages],
    }),
  },
  // renderer/: the browser; talks only through the contract.
  {
    files: ['renderer/**/*.{ts,vue}'],
    // Store tests may drive core's real dispatch instead of a hand-written fake.
    ignores: ['renderer/vite.config.ts', 'renderer/**/*.test.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      // vue-i18n's t/d/te are closures, safe to destructure from useI18n().
      '@typescript-eslint/unbound-method': 'off',
      ...restrict({
      paths: [...nodeBuiltins, 'electron', 'better-sqlite3'],
      patterns: ['**/electron/**', '**/server/**'],
      }),
    },
  },
  // server/: the central case API; shares only shared/.
  {
    files: ['server/**/*.ts'],
    rules: restrict({
      paths: ['electron'],
      patterns: ['**/electron/**', '**/renderer/**', ...uiPackages],
    }),
  },
];
