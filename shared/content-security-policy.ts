/**
 * The renderer's CSP, sent by both hosts (Electron's app:// handler and the devserver) and kept in
 * renderer/index.html as a meta tag. The renderer needs no network of its own: in Electron it talks
 * over IPC, in browser mode only to its own origin ('self').
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
