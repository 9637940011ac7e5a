// The answer to one app:// request: a file of out/renderer with its Content-Type and the app's CSP, or an
// empty 404. Plain Node (fs + the fetch Response), so it is tested on a folder without Electron.

import { readFile, realpath, stat } from 'node:fs/promises'
import { CONTENT_SECURITY_POLICY } from '../door/csp'
import { isInside } from '../door/renderer-files'
import { resolveRequestPath } from './request-path'

/** Sent with every answer, files and refusals alike. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

function refusal(status: number, extra: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...APP_RESPONSE_HEADERS, ...extra } })
}

/**
 * Answers `request` from the folder `root` (absolute). GET and HEAD only (405 otherwise); 404 for anything
 * that is not a regular file inside `root`, a symbolic link pointing out of it included. Never rejects.
 */
export async function appResponse(request: { url: string; method: string }, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, { Allow: 'GET, HEAD' })
  const target = resolveRequestPath(request.url, root)
  if (!target.ok) return refusal(target.status)
  try {
    const [realRoot, realPath] = await Promise.all([realpath(root), realpath(target.path)])
    if (!isInside(realRoot, realPath) || !(await stat(realPath)).isFile()) return refusal(404)
    const body = request.method === 'HEAD' ? null : await readFile(realPath)
    return new Response(body, { status: 200, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': target.contentType } })
  } catch {
    // Missing, unreadable, or removed between the checks: all the same to the page.
    return refusal(404)
  }
}
