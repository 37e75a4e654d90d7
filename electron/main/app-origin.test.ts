import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-origin.ts';

describe('isAppUrl', () => {
  it('accepts only app://kancelaria', () => {
    expect(isAppUrl('app://kancelaria/index.html')).toBe(true);
    expect(isAppUrl('app://kancelaria/#/ustawienia')).toBe(true);
    for (const url of ['https://kancelaria/', 'app://kancelaria.evil.com/', 'app://evil/', 'file:///C:/index.html', 'app://kancelaria@evil/', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
