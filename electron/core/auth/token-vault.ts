import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { SessionUser } from '../../../shared/sync/protocol.ts';

/**
 * Encrypts the stored session. Electron passes one built on `safeStorage` (DPAPI on Windows,
 * the keychain or libsecret elsewhere); browser mode has none and relies on a file only its
 * owner can read (mode 0600), as the issue allows.
 */
export interface SecretProtector {
  encrypt(plain: string): Promise<Buffer>;
  decrypt(data: Buffer): Promise<string>;
}

export const StoredSession = z.object({
  serverUrl: z.string(),
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: SessionUser,
});
export type StoredSession = z.infer<typeof StoredSession>;

const PLAIN_PREFIX = Buffer.from('KANCELARIA-PLAIN-1\n');

/** The one signed-in session of this workstation, kept across restarts. */
export class TokenVault {
  readonly #file: string;
  readonly #protector: SecretProtector | null;

  constructor(file: string, protector: SecretProtector | null) {
    this.#file = file;
    this.#protector = protector;
  }

  /** The stored session, or null when there is none or it cannot be read (then sign in again). */
  async load(): Promise<StoredSession | null> {
    let data: Buffer;
    try {
      data = readFileSync(this.#file);
    } catch {
      return null;
    }
    try {
      const text = data.subarray(0, PLAIN_PREFIX.length).equals(PLAIN_PREFIX)
        ? data.subarray(PLAIN_PREFIX.length).toString('utf8')
        : ((await this.#protector?.decrypt(data)) ?? null);
      if (text === null) return null;
      const parsed = StoredSession.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async save(session: StoredSession): Promise<void> {
    const text = JSON.stringify(session);
    const data = this.#protector ? await this.#protector.encrypt(text) : Buffer.concat([PLAIN_PREFIX, Buffer.from(text)]);
    // Written beside and renamed: a crash never leaves half a token file.
    const temporary = `${this.#file}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.#file);
  }

  clear(): void {
    rmSync(this.#file, { force: true });
  }
}
