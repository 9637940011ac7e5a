// app://podlab/ in Electron: the scheme's privileges (before `ready`) and the handler (after), both for the
// default session, which the window uses.

import { protocol } from 'electron'
import { APP_SCHEME } from './app-origin'
import { appResponse } from './respond'

/**
 * Registers app: as a privileged scheme. Must run before the app's `ready` event (Electron throws after).
 * standard: relative URLs and an origin of its own (so `'self'` in the CSP is this origin);
 * secure: a secure context like https; supportFetchAPI: fetch() to it; corsEnabled: module scripts
 * (`<script type="module" crossorigin>`, as Vite emits them) are fetched in CORS mode.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ])
}

/** Serves the folder `root` (absolute: out/renderer) on app://podlab/. After `ready`. */
export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, root))
}
