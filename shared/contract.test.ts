import { describe, expect, it } from 'vitest';
import { eventNames, isEventName, isMethod, methodNames } from './contract.ts';

describe('contract names', () => {
  it('knows its own methods and events', () => {
    expect(methodNames).toContain('settings.update');
    expect(eventNames).toContain('settings.changed');
    expect(methodNames.every(isMethod)).toBe(true);
    expect(eventNames.every(isEventName)).toBe(true);
  });

  it('never treats inherited object properties as methods', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', '', 42, null]) {
      expect(isMethod(name), String(name)).toBe(false);
      expect(isEventName(name), String(name)).toBe(false);
    }
  });
});
