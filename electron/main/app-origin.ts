/** The renderer's own origin. Served by our protocol handler, never by file:// (Electron security checklist #18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kancelaria';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on exactly our origin (scheme and host), nothing that merely starts with it. */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}
