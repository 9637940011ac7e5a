// A container's filesystem as its processes see it: the root (the image's layer under the container's own
// writable layer) with the pod's volumes mounted over it. A path inside a mount goes to that mount's
// filesystem (the longest mount path wins, as the kernel's mount table resolves it); mount points show in
// their parent directory's listing whether or not the image has the directory.

import type { Errno } from '../process/errno'
import type { FileSystem, Stat } from '../process/program'
import { MemoryFs, resolvePath } from '../process/memory-fs'

export interface MountedFs {
  /** Absolute, normalised. */
  path: string
  fs: FileSystem
}

type Where = { fs: FileSystem; path: string }

export class ContainerFs implements FileSystem {
  private readonly mounts: MountedFs[]

  /** `root` is made on first use (most steps never touch a file). */
  constructor(
    private readonly root: () => MemoryFs,
    mounts: MountedFs[],
  ) {
    this.mounts = [...mounts].sort((a, b) => b.path.length - a.path.length)
  }

  private where(given: string): Where {
    const path = resolvePath('/', given)
    for (const m of this.mounts) {
      if (path === m.path) return { fs: m.fs, path: '/' }
      if (path.startsWith(`${m.path}/`)) return { fs: m.fs, path: path.slice(m.path.length) }
    }
    return { fs: this.root(), path }
  }

  /** Mount points directly inside `dir` (normalised). */
  private mountNames(dir: string): string[] {
    const prefix = dir === '/' ? '/' : `${dir}/`
    return this.mounts.filter((m) => m.path.startsWith(prefix) && !m.path.slice(prefix.length).includes('/')).map((m) => m.path.slice(prefix.length))
  }

  stat(path: string): Stat | Errno {
    const w = this.where(path)
    return w.fs.stat(w.path)
  }

  lstat(path: string): Stat | Errno {
    const w = this.where(path)
    return w.fs.lstat(w.path)
  }

  readFile(path: string): string | Errno {
    const w = this.where(path)
    return w.fs.readFile(w.path)
  }

  writeFile(path: string, data: string, options?: { append?: boolean }): Errno | undefined {
    const w = this.where(path)
    return w.fs.writeFile(w.path, data, options)
  }

  readdir(path: string): string[] | Errno {
    const normalised = resolvePath('/', path)
    const w = this.where(normalised)
    const inside = this.mountNames(normalised)
    const names = w.fs.readdir(w.path)
    if (typeof names === 'string') return inside.length > 0 && names === 'ENOENT' ? inside.sort() : names
    const all = new Set([...names, ...inside])
    return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }

  mkdir(path: string, options?: { parents?: boolean; mode?: number }): Errno | undefined {
    const w = this.where(path)
    if (w.path === '/' && w.fs !== this.root()) return options?.parents ? undefined : 'EEXIST'
    return w.fs.mkdir(w.path, options)
  }

  unlink(path: string): Errno | undefined {
    const w = this.where(path)
    return w.fs.unlink(w.path)
  }

  rmdir(path: string, options?: { recursive?: boolean }): Errno | undefined {
    const w = this.where(path)
    // A mount point cannot be removed while mounted (EBUSY; the nearest the seam's errno list has).
    if (w.path === '/' && w.fs !== this.root()) return 'EPERM'
    return w.fs.rmdir(w.path, options)
  }

  rename(from: string, to: string): Errno | undefined {
    const a = this.where(from)
    const b = this.where(to)
    if (a.fs === b.fs) return a.fs.rename(a.path, b.path)
    // Across filesystems rename(2) fails with EXDEV and mv copies: the seam's callers get the copy.
    const st = a.fs.lstat(a.path)
    if (typeof st === 'string') return st
    if (st.kind === 'dir') return 'EPERM'
    const wrote = b.fs.writeFile(b.path, a.fs.readFile(a.path) as string)
    return wrote ?? a.fs.unlink(a.path)
  }

  symlink(target: string, path: string): Errno | undefined {
    const w = this.where(path)
    return w.fs.symlink(target, w.path)
  }

  chmod(path: string, mode: number): Errno | undefined {
    const w = this.where(path)
    return w.fs.chmod(w.path, mode)
  }

  utimes(path: string, ms: number): Errno | undefined {
    const w = this.where(path)
    return w.fs.utimes(w.path, ms)
  }
}
