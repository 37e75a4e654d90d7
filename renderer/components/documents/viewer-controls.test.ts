import { describe, expect, it } from 'vitest';
import { clampPage, commandForKey, fitWidthScale, rotateRight, zoomIn, zoomOut, type Rotation } from './viewer-controls.ts';

const A4 = { width: 595, height: 842 };
const key = (k: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) =>
  commandForKey({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('document viewer controls', () => {
  it('zooms by steps, also from a fitted scale between two steps, and stops at the ends', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.37)).toBe(1.5);
    expect(zoomOut(1.37)).toBe(1.25);
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(0.25)).toBe(0.25);
  });

  it('turns a quarter at a time, back to where it started after four', () => {
    let rotation: Rotation = 0;
    const seen: Rotation[] = [];
    for (let i = 0; i < 4; i++) seen.push((rotation = rotateRight(rotation)));
    expect(seen).toEqual([90, 180, 270, 0]);
  });

  it('fits the width of the page as turned: a turned A4 is fitted by its height', () => {
    expect(fitWidthScale(A4, 0, 595)).toBe(1);
    expect(fitWidthScale(A4, 180, 1190)).toBe(2);
    expect(fitWidthScale(A4, 90, 842)).toBe(1);
    expect(fitWidthScale(A4, 270, 421)).toBe(0.5);
    // A tiny box still shows something; a huge one does not blow up the canvas.
    expect(fitWidthScale(A4, 0, 10)).toBe(0.25);
    expect(fitWidthScale(A4, 0, 100_000)).toBe(4);
  });

  it('keeps page numbers within the document', () => {
    expect(clampPage(0, 3)).toBe(1);
    expect(clampPage(4, 3)).toBe(3);
    expect(clampPage(2, 3)).toBe(2);
    expect(clampPage(1, 0)).toBe(1);
  });

  it('maps PageUp/PageDown, +/−, R and Home/End, and leaves Ctrl and Alt combinations to the browser and the app', () => {
    expect(['PageUp', 'PageDown', 'Home', 'End', '+', '=', '-', 'r', 'R'].map((k) => key(k))).toEqual(['previous', 'next', 'first', 'last', 'zoomIn', 'zoomIn', 'zoomOut', 'rotate', 'rotate']);
    expect(key('+', { ctrlKey: true })).toBeNull();
    expect(key('r', { altKey: true })).toBeNull();
    expect(key('a')).toBeNull();
  });
});
