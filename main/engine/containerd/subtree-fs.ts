// A directory of another filesystem seen as a whole filesystem: a volume's subPath mounted in a container.

import type { Errno } from '../process/errno'
import { resolvePath } from '../process/memory-fs'
import type { FileSystem, Stat } from '../process/program'

export class SubtreeFs implements FileSystem {
  /** `dir`: absolute path in `inner` that is this filesystem's root. */
  constructor(
    private readonly inner: FileSystem,
    private readonly dir: string,
  ) {}

  private at(path: string): string {
    const p = resolvePath('/', path)
    return p === '/' ? this.dir : `${this.dir}${p}`
  }

  stat(path: string): Stat | Errno {
    return this.inner.stat(this.at(path))
  }
  lstat(path: string): Stat | Errno {
    return this.inner.lstat(this.at(path))
  }
  readFile(path: string): string | Errno {
    return this.inner.readFile(this.at(path))
  }
  writeFile(path: string, data: string, options?: { append?: boolean }): Errno | undefined {
    return this.inner.writeFile(this.at(path), data, options)
  }
  readdir(path: string): string[] | Errno {
    return this.inner.readdir(this.at(path))
  }
  mkdir(path: string, options?: { parents?: boolean; mode?: number }): Errno | undefined {
    return this.inner.mkdir(this.at(path), options)
  }
  unlink(path: string): Errno | undefined {
    return this.inner.unlink(this.at(path))
  }
  rmdir(path: string, options?: { recursive?: boolean }): Errno | undefined {
    return this.inner.rmdir(this.at(path), options)
  }
  rename(from: string, to: string): Errno | undefined {
    return this.inner.rename(this.at(from), this.at(to))
  }
  symlink(target: string, path: string): Errno | undefined {
    return this.inner.symlink(target, this.at(path))
  }
  chmod(path: string, mode: number): Errno | undefined {
    return this.inner.chmod(this.at(path), mode)
  }
  utimes(path: string, ms: number): Errno | undefined {
    return this.inner.utimes(this.at(path), ms)
  }
}
