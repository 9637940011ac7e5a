// The one Content-Security-Policy of every page Podlab serves: the Electron window (as a header, and as the
// page's <meta>) and `podlab serve` (as a header). 'self' also covers the page's own WebSocket
// (ws://<same host:port>/podlab) in CSP Level 3 browsers, Chromium included.

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

/** What renderer/index.html's <meta> must say: the same, less frame-ancestors, which browsers ignore in a meta. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')
