import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * The offline unlock check: a scrypt hash of the password the server accepted, kept on this
 * workstation only. Same cost as the server's, so guessing it offline is no cheaper.
 */
const N = 2 ** 15;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: 8, p: 1, maxmem: MAX_MEMORY }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function makeVerifier(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${String(N)}$${salt.toString('base64')}$${(await derive(password, salt)).toString('base64')}`;
}

export async function checkVerifier(password: string, verifier: string): Promise<boolean> {
  const [scheme, n, salt, hash] = verifier.split('$');
  if (scheme !== 'scrypt' || n !== String(N) || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
