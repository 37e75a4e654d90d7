import { describe, expect, it } from 'vitest';
import { readBase64 } from './read-base64.ts';

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256);
const expected = btoa(String.fromCharCode(...bytes));

describe('reading a picked file as base64', () => {
  it('gives the same base64 in chunks as in one piece, whatever the chunk size', async () => {
    for (const chunk of [30, 99, 999, 3 * 1024 * 1024]) {
      expect(await readBase64(new Blob([bytes]), () => undefined, chunk)).toBe(expected);
    }
  });

  it('reports progress after every chunk, ending at 1', async () => {
    const seen: number[] = [];
    await readBase64(new Blob([bytes]), (f) => seen.push(f), 300);
    expect(seen).toEqual([0, 0.3, 0.6, 0.9, 1]);
  });

  it('refuses chunk sizes that would put padding in the middle', async () => {
    await expect(readBase64(new Blob([bytes]), () => undefined, 100)).rejects.toThrow('multiple of 3');
  });
});
