import { describe, expect, it } from 'vitest';
import * as validators from './index.ts';

const checks = [
  validators.checkPesel,
  validators.checkNip,
  validators.checkRegon,
  validators.checkKrs,
  validators.checkPostalCode,
  validators.checkAde,
  validators.checkIdCard,
];

describe('validators', () => {
  it('warn with a reason and never throw, whatever the clerk types', () => {
    const junk = ['', ' ', '-', '\u00a0', 'PL', 'AE:PL-', '🙂', '\u0000', '9'.repeat(1000), 'null', '0x1F', '1e5'];
    for (const check of checks) {
      for (const input of junk) {
        const result = check(input);
        expect(result.ok, `${check.name}(${JSON.stringify(input)})`).toBe(false);
      }
    }
  });
});
