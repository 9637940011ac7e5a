// Serves the built renderer's files (GET and HEAD only), never anything outside its folder.

import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream'
import { fileUnder } from '../../door/renderer-files'
import { securityHeaders, sendText } from './headers'

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** Answers `req` with the file under `root` its path names (`/` is index.html): 200, 404, 405 or 400. */
export function serveFile(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'only GET and HEAD are served here\n', { Allow: 'GET, HEAD' })
    return
  }
  const target = fileUnder(root, pathname)
  if (!target.ok && target.status === 400) {
    sendText(res, 400, 'the path is not a valid percent-encoded URL path\n')
    return
  }
  if (!target.ok || !isFile(target.path)) {
    sendText(res, 404, 'not found\n')
    return
  }
  res.writeHead(200, securityHeaders({ 'Content-Type': target.contentType }) as OutgoingHttpHeaders)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  // A file that vanished or cannot be read after the 200 went out: the client sees a cut body; the server lives on.
  pipeline(createReadStream(target.path), res, () => {})
}
