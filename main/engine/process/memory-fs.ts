// A filesystem held as one JSON value: a flat map from absolute path to entry, so a container's writable layer
// or a pod's emptyDir is saved in the cluster file as it is. Paths are normalised here (`/a/./b/../c` is
// `/a/c`); symlinks are followed by stat, readFile and writeFile, as the syscalls follow them.

import type { Errno } from './errno'
import type { FileSystem, Stat } from './program'

export interface FsEntry {
  kind: 'file' | 'dir' | 'symlink' | 'chardev'
  data?: string
  mode: number
  mtimeMs: number
  uid: number
  gid: number
  target?: string
}

/** The saved form: every path (the root `/` included) and its entry. */
export type FsState = Record<string, FsEntry>

/** `path` made absolute against `cwd` and normalised: no `.`, `..`, doubled or trailing slashes. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = []
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8')
const MAX_LINKS = 40

export class MemoryFs implements FileSystem {
  /**
   * How many changing calls were made (counted on entry, failed ones too): a kernel whose container's filesystem
   * saw none keeps its saved layer without diffing it again (a probe's stat of nginx's index.html writes nothing).
   */
  writes = 0
  /** `now` is the virtual clock (ms), for mtimes. */
  constructor(
    readonly state: FsState,
    private readonly now: () => number,
    private readonly readOnly = false,
  ) {
    state['/'] ??= { kind: 'dir', mode: 0o755, mtimeMs: 0, uid: 0, gid: 0 }
  }

  /** Follows symlinks in every component; an Errno when a component is missing or not a directory. */
  private real(path: string, followLast = true, depth = 0): string | Errno {
    if (depth > MAX_LINKS) return 'EINVAL'
    const parts = resolvePath('/', path).split('/').filter(Boolean)
    let at = '/'
    for (const [i, part] of parts.entries()) {
      const next = at === '/' ? `/${part}` : `${at}/${part}`
      const entry = this.state[next]
      const last = i === parts.length - 1
      if (entry?.kind === 'symlink' && (!last || followLast)) {
        const target = resolvePath(at, entry.target ?? '')
        const resolved = this.real(target, true, depth + 1)
        if (typeof resolved !== 'string' || resolved.startsWith('E')) return resolved
        at = resolved
        continue
      }
      if (!last && entry && entry.kind !== 'dir') return 'ENOTDIR'
      if (!last && !entry) return 'ENOENT'
      at = next
    }
    return at
  }

  private entry(path: string, follow = true): { path: string; entry: FsEntry } | Errno {
    const real = this.real(path, follow)
    if (real.startsWith('E')) return real as Errno
    const entry = this.state[real]
    return entry ? { path: real, entry } : 'ENOENT'
  }

  private statOf(entry: FsEntry): Stat {
    const s: Stat = { kind: entry.kind, size: utf8Length(entry.data ?? entry.target ?? ''), mode: entry.mode, mtimeMs: entry.mtimeMs, uid: entry.uid, gid: entry.gid }
    if (entry.kind === 'dir') s.size = 4096
    if (entry.target !== undefined) s.target = entry.target
    return s
  }

  stat(path: string): Stat | Errno {
    const found = this.entry(path)
    return typeof found === 'string' ? found : this.statOf(found.entry)
  }

  lstat(path: string): Stat | Errno {
    const found = this.entry(path, false)
    return typeof found === 'string' ? found : this.statOf(found.entry)
  }

  readFile(path: string): string | Errno {
    const found = this.entry(path)
    if (typeof found === 'string') return found
    if (found.entry.kind === 'dir') return 'EISDIR'
    if (found.entry.kind === 'chardev') return ''
    return found.entry.data ?? ''
  }

  /** The parent directory of a new entry, which must exist and be a directory. */
  private parentReady(real: string): Errno | undefined {
    const parent = this.state[parentOf(real)]
    if (!parent) return 'ENOENT'
    return parent.kind === 'dir' ? undefined : 'ENOTDIR'
  }

  writeFile(path: string, data: string, options: { append?: boolean } = {}): Errno | undefined {
    this.writes++
    if (this.readOnly) return 'EROFS'
    const real = this.real(path)
    if (real.startsWith('E')) return real as Errno
    const existing = this.state[real]
    if (existing?.kind === 'dir') return 'EISDIR'
    if (existing?.kind === 'chardev') return undefined
    if (!existing) {
      const bad = this.parentReady(real)
      if (bad) return bad
    }
    const before = options.append ? (existing?.data ?? '') : ''
    this.state[real] = { kind: 'file', data: before + data, mode: existing?.mode ?? 0o644, mtimeMs: this.now(), uid: existing?.uid ?? 0, gid: existing?.gid ?? 0 }
    return undefined
  }

  readdir(path: string): string[] | Errno {
    const found = this.entry(path)
    if (typeof found === 'string') return found
    if (found.entry.kind !== 'dir') return 'ENOTDIR'
    const prefix = found.path === '/' ? '/' : `${found.path}/`
    const names: string[] = []
    for (const p of Object.keys(this.state)) {
      if (p !== prefix && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.push(p.slice(prefix.length))
    }
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }

  mkdir(path: string, options: { parents?: boolean; mode?: number } = {}): Errno | undefined {
    this.writes++
    if (this.readOnly) return 'EROFS'
    const real = resolvePath('/', path)
    if (options.parents) {
      let at = ''
      for (const part of real.split('/').filter(Boolean)) {
        at += `/${part}`
        const found = this.entry(at)
        if (typeof found !== 'string') {
          if (found.entry.kind !== 'dir') return 'ENOTDIR'
          continue
        }
        const bad = this.mkdir(at, { mode: options.mode ?? 0o755 })
        if (bad) return bad
      }
      return undefined
    }
    const target = this.real(real, false)
    if (target.startsWith('E')) return target as Errno
    if (this.state[target]) return 'EEXIST'
    const bad = this.parentReady(target)
    if (bad) return bad
    this.state[target] = { kind: 'dir', mode: options.mode ?? 0o755, mtimeMs: this.now(), uid: 0, gid: 0 }
    return undefined
  }

  unlink(path: string): Errno | undefined {
    this.writes++
    if (this.readOnly) return 'EROFS'
    const found = this.entry(path, false)
    if (typeof found === 'string') return found
    if (found.entry.kind === 'dir') return 'EISDIR'
    delete this.state[found.path]
    return undefined
  }

  rmdir(path: string, options: { recursive?: boolean } = {}): Errno | undefined {
    this.writes++
    if (this.readOnly) return 'EROFS'
    const found = this.entry(path, false)
    if (typeof found === 'string') return found
    if (found.entry.kind !== 'dir') return 'ENOTDIR'
    if (found.path === '/') return 'EPERM' as Errno
    const prefix = `${found.path}/`
    const inside = Object.keys(this.state).filter((p) => p.startsWith(prefix))
    if (inside.length > 0 && !options.recursive) return 'ENOTEMPTY'
    for (const p of inside) delete this.state[p]
    delete this.state[found.path]
    return undefined
  }

  rename(from: string, to: string): Errno | undefined {
    this.writes++
    if (this.readOnly) return 'EROFS'
    const found = this.entry(from, false)
    if (typeof found === 'string') return found
    const dest = this.real(to, false)
    if (dest.startsWith('E')) return dest as Errno
    const bad = this.parentReady(dest)
    if (bad) return bad
    if (this.state[dest]?.kind === 'dir' && found.entry.kind !== 'dir') return 'EISDIR'
    const prefix = `${found.path}/`
    for (const p of Object.keys(this.state)) {
      if (p.startsWith(prefix)) {
        this.state[dest + p.slice(found.path.length)] = this.state[p]!
        delete this.state[p]
      }
    }
    delete this.state[found.path]
    this.state[dest] = found.entry
    return undefined
  }

  symlink(target: string, path: string): Errno | undefined {
    this.writes++
    if (this.readOnly) return 'EROFS'
    const real = this.real(path, false)
    if (real.startsWith('E')) return real as Errno
    if (this.state[real]) return 'EEXIST'
    const bad = this.parentReady(real)
    if (bad) return bad
    this.state[real] = { kind: 'symlink', target, mode: 0o777, mtimeMs: this.now(), uid: 0, gid: 0 }
    return undefined
  }

  chmod(path: string, mode: number): Errno | undefined {
    this.writes++
    if (this.readOnly) return 'EROFS'
    const found = this.entry(path)
    if (typeof found === 'string') return found
    // A new entry, never the old one changed: entries may be shared with an image's layer (layer.ts materialise).
    this.state[found.path] = { ...found.entry, mode }
    return undefined
  }

  utimes(path: string, ms: number): Errno | undefined {
    this.writes++
    if (this.readOnly) return 'EROFS'
    const found = this.entry(path)
    if (typeof found === 'string') return found
    this.state[found.path] = { ...found.entry, mtimeMs: ms }
    return undefined
  }
}
