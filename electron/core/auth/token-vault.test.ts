import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { TokenVault } from './token-vault.ts';

const tempDir = useTempDirs();
const session = { serverUrl: 'https://kancelaria.urzad.example.pl', token: 't', expiresAt: '2026-11-25T20:00:00.000Z', user: { id: '0196a0b0-0000-7000-8000-000000000001', login: 'anna', displayName: 'Anna Nowak', role: 'registry_clerk' as const, unitCode: 'KO' } };

describe('TokenVault without an OS key store (browser mode)', () => {
  it('keeps the session in a file only its owner may read, and forgets it on sign-out', async () => {
    const file = join(tempDir(), 'session.bin');
    const vault = new TokenVault(file, null);
    expect(await vault.load()).toBeNull();
    await vault.save(session);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await vault.load()).toEqual(session);
    vault.clear();
    expect(await vault.load()).toBeNull();
  });

  it('treats a damaged file as no session (sign in again) rather than failing to start', async () => {
    const file = join(tempDir(), 'session.bin');
    writeFileSync(file, 'KANCELARIA-PLAIN-1\n{"token":');
    expect(await new TokenVault(file, null).load()).toBeNull();
  });
});
