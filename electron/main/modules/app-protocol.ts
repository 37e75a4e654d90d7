import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy.ts';
import { resolveInside } from '../../core/host/static-files.ts';
import { APP_HOST, APP_SCHEME } from '../app-origin.ts';

/** Must run before `app` is ready: makes app:// a standard, secure origin with fetch support. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererDir` on app://kancelaria, every response with the strict
 * CSP. Anything outside the folder, or on another host, is a 404.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(rendererDir, request.url));
}

export async function handleAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404 });
  const fileResponse = await net.fetch(pathToFileURL(file).toString());
  const headers = new Headers(fileResponse.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(fileResponse.body, { status: fileResponse.status, headers });
}
