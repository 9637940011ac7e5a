// execvp(3) in a container: where argv[0] leads, through PATH, to one of the image's programs, directly or
// through a script's `#!` interpreter line, with the errors execve reports on the way.

import { resolvePath } from '../process/memory-fs'
import type { ContainerFs } from './container-fs'
import type { ResolveResult } from './kernel-host'

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/**
 * Where argv[0] leads (execvp): a path as given (relative to `cwd`), else each directory of `env.PATH` in turn.
 * `binaries` maps an executable's path in the image to its program id. Errors: ENOENT (nothing there, or a
 * `#!` interpreter the image lacks), EACCES (a directory or not executable; kept while later PATH entries are
 * tried, as execvp does), ENOEXEC (a file that is neither a program nor a script), or the stat's own error.
 */
export function resolveExecutable(fs: ContainerFs, binaries: Record<string, string>, argv: string[], env: Record<string, string>, cwd: string): ResolveResult {
  const name = argv[0] ?? ''
  if (name === '') return { error: 'ENOENT' }
  const tryPath = (path: string): ResolveResult | undefined => {
    const st = fs.stat(path)
    if (typeof st === 'string') return st === 'ENOENT' || st === 'ENOTDIR' ? undefined : { error: st }
    if (st.kind === 'dir') return { error: 'EACCES' }
    if ((st.mode & 0o111) === 0) return { error: 'EACCES' }
    const program = binaries[path]
    if (program !== undefined) return { path, program, argv }
    const text = fs.readFile(path)
    const shebang = typeof text === 'string' ? /^#!\s*(\S+)(?:[ \t]+([^\n]*?))?[ \t]*(?:\n|$)/.exec(text) : null
    if (!shebang) return { error: 'ENOEXEC' }
    const interpreter = shebang[1]!
    const inner = binaries[interpreter]
    if (inner === undefined) return { error: 'ENOENT' }
    return { path: interpreter, program: inner, argv: [interpreter, ...(shebang[2] ? [shebang[2]] : []), path, ...argv.slice(1)] }
  }
  if (name.includes('/')) return tryPath(resolvePath(cwd, name)) ?? { error: 'ENOENT' }
  let denied: ResolveResult | undefined
  for (const dir of (env.PATH ?? DEFAULT_PATH).split(':')) {
    const found = tryPath(resolvePath(cwd, `${dir || '.'}/${name}`))
    if (!found) continue
    if ('error' in found && found.error === 'EACCES') {
      denied ??= found
      continue
    }
    return found
  }
  return denied ?? { error: 'ENOENT' }
}
