// Serves the built renderer's files (GET and HEAD only), never anything outside its folder.

import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream'
import { securityHeaders, sendText } from './headers'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

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
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    sendText(res, 400, 'the path is not a valid percent-encoded URL path\n')
    return
  }
  const file = normalize(join(root, decoded === '/' ? 'index.html' : decoded))
  if (decoded.includes('\0') || !file.startsWith(resolve(root) + sep) || !isFile(file)) {
    sendText(res, 404, 'not found\n')
    return
  }
  res.writeHead(200, securityHeaders({ 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }) as OutgoingHttpHeaders)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  // A file that vanished or cannot be read after the 200 went out: the client sees a cut body; the server lives on.
  pipeline(createReadStream(file), res, () => {})
}
