import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { mimeType, readStatic, resolveInside } from './static-files.ts';

const tempDir = useTempDirs();

describe('static files', () => {
  it('maps / to index.html and nested paths inside the root', () => {
    expect(resolveInside('/app/renderer', '/')).toBe('/app/renderer/index.html');
    expect(resolveInside('/app/renderer', '/assets/a.js')).toBe('/app/renderer/assets/a.js');
  });

  it('never leaves the root, however the path is spelled', () => {
    for (const attack of ['/../secret', '/assets/../../secret', '/%2e%2e/secret', '/..%2fsecret', '/%2e%2e%5csecret', '/a%00.js', '/%E0%A4%A']) {
      const resolved = resolveInside('/app/renderer', attack);
      expect(resolved === null || resolved.startsWith('/app/renderer/'), attack).toBe(true);
    }
    expect(resolveInside('/app/renderer', '/../renderer-secret/x')).toBeNull();
  });

  it('reads a file with its type, and nothing for a folder or a missing file', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    expect(await readStatic(root, '/assets/app.js')).toEqual({ body: Buffer.from('console.log(1)'), type: 'text/javascript; charset=utf-8' });
    expect(await readStatic(root, '/assets')).toBeNull();
    expect(await readStatic(root, '/nope.css')).toBeNull();
    expect(mimeType('x.WOFF2')).toBe('font/woff2');
    expect(mimeType('assets/pdf.worker.min-abc123.mjs')).toBe('text/javascript; charset=utf-8');
  });
});
