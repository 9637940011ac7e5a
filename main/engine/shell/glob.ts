// Pathname expansion against the container's filesystem: each `/`-separated segment of the pattern is matched
// against a directory's names (dot files only by a pattern starting with `.`), sorted as the C locale sorts.

import type { FileSystem } from '../process/program'
import { resolvePath } from '../process/memory-fs'
import { hasGlob, matchWhole, type Chunk } from './pattern'

/** The paths matching `segments` (as the user wrote them: relative ones stay relative), sorted. */
export function globPaths(fs: FileSystem, cwd: string, segments: Chunk[][], absolute: boolean): string[] {
  let found: string[] = [absolute ? '/' : '']
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1
    const next: string[] = []
    for (const base of found) {
      const dir = resolvePath(cwd, base === '' ? '.' : base)
      const join = (name: string): string => (base === '' ? name : base.endsWith('/') ? `${base}${name}` : `${base}/${name}`)
      if (!hasGlob(segment)) {
        const path = join(segment.map((c) => c.s).join(''))
        const st = fs.stat(resolvePath(cwd, path))
        if (typeof st !== 'string' && (last || st.kind === 'dir')) next.push(path)
        continue
      }
      const names = fs.readdir(dir)
      if (typeof names === 'string') continue
      const dotOk = segment[0]?.s.startsWith('.') ?? false
      for (const name of names) {
        if (name.startsWith('.') && !dotOk) continue
        if (!matchWhole(segment, name)) continue
        const path = join(name)
        if (!last) {
          const st = fs.stat(resolvePath(cwd, path))
          if (typeof st === 'string' || st.kind !== 'dir') continue
        }
        next.push(path)
      }
    }
    found = next
  })
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
