// The built renderer's files as both doors serve them (the Electron window's app:// protocol and `podlab
// serve`): which file a request path names, decided without touching the disk, and its Content-Type.
// Everything that could leave the folder is refused: dot-dot segments, encoded or not, encoded slashes and
// backslashes, NUL bytes, absolute Windows paths.

import { extname, isAbsolute, join, relative, sep } from 'node:path'

export type RequestPath =
  | { ok: true; /** absolute path under the root */ path: string; contentType: string }
  | { ok: false; status: 400 | 404; reason: string }

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

/** The Content-Type for a file name; application/octet-stream for an unknown extension (never sniffed). */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file under `root` (absolute) that a URL path (still percent-encoded, e.g. `/assets/a%20b.js`) names; `/`
 * is index.html. Refusals: 400 for a path that does not decode, 404 for any path that would leave `root` or
 * that no file name can have.
 */
export function fileUnder(root: string, encodedPath: string): RequestPath {
  let pathname: string
  try {
    pathname = decodeURIComponent(encodedPath)
  } catch {
    return { ok: false, status: 400, reason: 'the path is not valid percent-encoding' }
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  // After decoding, `%2e%2e`, `..%2f` and `%5c` are plain `..`, `/` and `\`: split as the file system would,
  // on every platform (a backslash separates on Windows), then let `join` resolve the dot-dots and check that
  // the result is still inside. A drive segment (`C:`) would make the path absolute on Windows.
  if (pathname.includes('\0')) return { ok: false, status: 404, reason: 'the path holds a NUL byte' }
  const segments = pathname.split(/[/\\]/).slice(1)
  if (segments.some((s) => /^[a-zA-Z]:$/.test(s))) return { ok: false, status: 404, reason: 'the path names a drive' }
  if (segments.some((s) => s === '')) return { ok: false, status: 404, reason: 'the path names a folder' }
  const path = join(root, ...segments)
  if (!isInside(root, path)) return { ok: false, status: 404, reason: 'the path leaves the app folder' }
  return { ok: true, path, contentType: contentTypeOf(path) }
}

/** Is `path` strictly below the folder `root` (both absolute)? A file named `..x` is; `..` and `../x` are not. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}
