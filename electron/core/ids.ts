import { randomBytes, randomInt } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): time-ordered, generated on the workstation so offline work needs no round
 * trip, and index-friendly because new ids sort after old ones.
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Crockford's alphabet: no I, L, O, U, so a code read aloud or typed from paper is unambiguous.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Tracking code printed on the citizen's receipt, e.g. `7K2QD-M9X4A` (50 bits). */
export function trackingCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Six-digit PIN printed beside the tracking code. */
export function trackingPin(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}
