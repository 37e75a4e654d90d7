import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('is valid against the schema electron-builder ships', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check itself catches a broken config', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...config, nsis: { oneClick: 'sometimes' } })).toBe(false);
    expect(validate({ ...config, npmRebuld: false })).toBe(false);
  });

  it('builds an assisted, per-machine, Polish NSIS installer with a generic update feed', () => {
    expect(config['npmRebuild']).toBe(false);
    expect(config['nsis']).toMatchObject({ oneClick: false, perMachine: true, language: '1045', include: 'build/installer.nsh' });
    expect(config['publish']).toEqual([expect.objectContaining({ provider: 'generic' })]);
    expect(readFileSync(join(root, 'build/installer.nsh'), 'utf8')).toContain('!macro customInstall');
  });

  it('flips the fuses the security baseline asks for', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages the built app and leaves other platforms’ SQLite prebuilds out', () => {
    const files = config['files'] as string[];
    expect(files).toContain('out/**');
    expect(files).toContain('!node_modules/better-sqlite3/prebuilds/{darwin,linux,linuxmusl}-*/**');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
  });
});
