import { describe, expect, it } from 'vitest';
import { makeUser, seedOrganisation } from '../test-support/fixtures.ts';
import { useServerDb } from '../test-support/test-db.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { authenticate, DEFAULT_AUTH_POLICY, signIn, signOut } from './sessions.ts';

const serverDb = useServerDb();
const policy = { ...DEFAULT_AUTH_POLICY, maxFailedLogins: 3, lockoutMs: 60_000, tokenTtlMs: 3_600_000 };

describe('passwords', () => {
  it('are stored as salted scrypt hashes and checked in constant time', async () => {
    const hash = await hashPassword('Zażółć-gęślą-jaźń');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/u);
    expect(hash).not.toBe(await hashPassword('Zażółć-gęślą-jaźń'));
    expect(await verifyPassword('Zażółć-gęślą-jaźń', hash)).toBe(true);
    // NFC and NFD spellings of the same Polish letters are the same password.
    expect(await verifyPassword('Zażółć-gęślą-jaźń'.normalize('NFD'), hash)).toBe(true);
    expect(await verifyPassword('zażółć-gęślą-jaźń', hash)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe('signing in', () => {
  it('gives a token that authenticates until it expires or the user signs out', async () => {
    const db = serverDb();
    await seedOrganisation(db);
    await makeUser(db, 'Anna.Nowak', 'registry_clerk', 'KO', 'Hasło-do-kancelarii');
    const now = new Date('2026-11-25T08:00:00Z');
    const session = await signIn(db, { login: ' anna.nowak ', password: 'Hasło-do-kancelarii', clientLabel: 'Okienko 1' }, policy, now);
    if (typeof session === 'string') throw new Error(session);
    expect(session.user).toMatchObject({ login: 'anna.nowak', role: 'registry_clerk', unitCode: 'KO' });
    expect(session.expiresAt).toBe('2026-11-25T09:00:00.000Z');
    expect(await authenticate(db, session.token, new Date('2026-11-25T08:59:00Z'))).toMatchObject({ login: 'anna.nowak' });
    expect(await authenticate(db, session.token, new Date('2026-11-25T09:00:01Z'))).toBeNull();
    expect(await authenticate(db, 'wymyślony-token', now)).toBeNull();
    await signOut(db, session.token);
    expect(await authenticate(db, session.token, now)).toBeNull();
    expect(JSON.stringify(await db.query('SELECT * FROM sessions'))).not.toContain(session.token);
  });

  it('locks the account after repeated wrong passwords, even against the right one, until the lockout ends', async () => {
    const db = serverDb();
    await makeUser(db, 'jan', 'clerk', null, 'Dobre-hasło-1');
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 8, minute));
    expect(await signIn(db, { login: 'jan', password: 'złe', clientLabel: '' }, policy, at(0))).toBe('bad_credentials');
    expect(await signIn(db, { login: 'jan', password: 'złe', clientLabel: '' }, policy, at(0))).toBe('bad_credentials');
    expect(await signIn(db, { login: 'jan', password: 'złe', clientLabel: '' }, policy, at(0))).toBe('locked');
    expect(await signIn(db, { login: 'jan', password: 'Dobre-hasło-1', clientLabel: '' }, policy, at(0))).toBe('locked');
    expect(await signIn(db, { login: 'jan', password: 'Dobre-hasło-1', clientLabel: '' }, policy, at(2))).toMatchObject({ user: { login: 'jan' } });
    expect(await signIn(db, { login: 'nikt', password: 'x', clientLabel: '' }, policy, at(2))).toBe('bad_credentials');
  });
});
