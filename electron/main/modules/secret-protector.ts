import { safeStorage } from 'electron';
import type { SecretProtector } from '../../core/auth/token-vault.ts';

/**
 * The sign-in token's encryption: the OS key store through safeStorage (DPAPI on Windows, bound
 * to the clerk's Windows account). Null where none is available (a Linux box without a secret
 * service): core then keeps the token in a file only its owner can read.
 */
export async function osSecretProtector(): Promise<SecretProtector | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  return {
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (data) => (await safeStorage.decryptStringAsync(data)).result,
  };
}
