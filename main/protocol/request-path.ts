// Which file of out/renderer an app:// request names, decided without touching the disk (serve.ts then
// checks that the file exists): the app origin is checked here, the path by the rule both doors share
// (../host/renderer-files.ts).

import { fileUnder, type RequestPath } from '../door/renderer-files'
import { APP_HOST, APP_SCHEME } from './app-origin'

export type { RequestPath }

/**
 * Maps `url` (app://podlab/<path>) to a file under `root` (absolute). `/` is index.html; the query and the
 * fragment are ignored. Refusals: 400 for a path that does not decode, 404 for another host or scheme and for
 * any path that would leave `root` or that no file name can have.
 */
export function resolveRequestPath(url: string, root: string): RequestPath {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' }
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { ok: false, status: 404, reason: 'not the app origin' }
  return fileUnder(root, u.pathname)
}
