import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { TokenVault } from '../../core/auth/token-vault.ts';
import { useTempDirs } from '../../core/test-support/temp-dir.ts';
import { safeStorage } from '../test-support/electron-fake.ts';
import { osSecretProtector } from './secret-protector.ts';

vi.mock('electron', () => import('../test-support/electron-fake.ts'));

const tempDir = useTempDirs();
const session = { serverUrl: 'https://kancelaria.urzad.example.pl', token: 'tajny-token-123', expiresAt: '2026-11-25T20:00:00.000Z', user: { id: '0196a0b0-0000-7000-8000-000000000001', login: 'anna', displayName: 'Anna Nowak', role: 'registry_clerk' as const, unitCode: 'KO' } };

describe('the sign-in token at rest', () => {
  it('goes through safeStorage in Electron: the file never holds the token in plain text', async () => {
    const file = join(tempDir(), 'session.bin');
    const vault = new TokenVault(file, await osSecretProtector());
    await vault.save(session);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalled();
    expect(readFileSync(file, 'utf8')).not.toContain('tajny-token-123');
    expect(await vault.load()).toEqual(session);
  });

  it('falls back to an owner-only file where the OS has no key store', async () => {
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValueOnce(false);
    expect(await osSecretProtector()).toBeNull();
  });
});
