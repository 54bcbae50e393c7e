/**
 * The renderer's Content-Security-Policy, sent as a header with every renderer file by both the
 * Electron `app://` protocol and the browser-mode server (renderer/index.html carries the same as a
 * meta tag). No `unsafe-eval`; inline styles only, for chart libraries that set `style` attributes.
 */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
