// The origin the built app is served from in the Electron window: app://podlab/ (main/protocol/serve.ts).
// A standard, secure scheme instead of file:// gives the page a real origin, so `default-src 'self'` means
// "our files" and nothing else on disk, and the window's trust rules compare one origin instead of paths.
// Pure (no electron import): the navigation and IPC sender checks use it under unit tests.

export const APP_SCHEME = 'app'
export const APP_HOST = 'podlab'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** What the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * Is `url` on the app origin? Node's URL gives a custom scheme the origin "null", so the parts are compared
 * one by one; Chromium lower-cases a standard scheme's host, so anything else (a port, credentials, another
 * case) is not a URL Chromium would send us and is refused.
 */
export function isAppOriginUrl(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === ''
}
