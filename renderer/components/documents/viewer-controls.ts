/**
 * The document viewer's arithmetic and keys, apart from pdf.js and the DOM: zoom steps, fitting
 * a page to the width, turning it for display (the stored file is never changed) and which key
 * does what.
 */

export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;

export type Rotation = 0 | 90 | 180 | 270;

/** The next step up from any scale (fit width gives scales between steps). */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((step) => step > scale + 1e-6) ?? MAX_ZOOM;
}

export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - 1e-6) ?? MIN_ZOOM;
}

export function rotateRight(rotation: Rotation): Rotation {
  switch (rotation) {
    case 0: return 90;
    case 90: return 180;
    case 180: return 270;
    case 270: return 0;
  }
}

/** The scale at which the page, as turned, is exactly as wide as the room it has. */
export function fitWidthScale(page: { width: number; height: number }, rotation: Rotation, availableWidth: number): number {
  const width = rotation === 90 || rotation === 270 ? page.height : page.width;
  if (width <= 0 || availableWidth <= 0) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, availableWidth / width));
}

export function clampPage(page: number, pageCount: number): number {
  return Math.min(Math.max(1, Math.round(page)), Math.max(1, pageCount));
}

export type ViewerCommand = 'previous' | 'next' | 'first' | 'last' | 'zoomIn' | 'zoomOut' | 'rotate';

/**
 * PageUp/PageDown, Home/End, + and −, R. Not with Ctrl (the browser's own zoom), Alt (the
 * sections' shortcuts) or Meta.
 */
export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): ViewerCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key) {
    case 'PageUp': return 'previous';
    case 'PageDown': return 'next';
    case 'Home': return 'first';
    case 'End': return 'last';
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
    case '_':
      return 'zoomOut';
    case 'r':
    case 'R':
      return 'rotate';
    default:
      return null;
  }
}
