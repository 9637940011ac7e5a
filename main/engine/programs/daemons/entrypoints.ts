// The small docker-entrypoint.sh scripts of official images that only decide what to exec: each puts the
// image's program in front of the arguments in its own cases, then execs (exec "$@"). postgres, mysql, mongo and
// nginx have their own files (they print and check more).

import { isErrno } from '../../process/errno'
import type { Program, Sys } from '../../process/program'
import { type Invocation, oneShot } from '../kit'

/** `command -v NAME`: a path with a slash, or a file of that name in a $PATH directory. */
export function commandExists(sys: Sys, inv: Invocation, name: string): boolean {
  if (name === '') return false
  if (name.includes('/')) return !isErrno(sys.fs.stat(name))
  return (inv.env.PATH ?? '').split(':').some((dir) => dir !== '' && !isErrno(sys.fs.stat(`${dir}/${name}`)))
}

/** An entrypoint that execs `prefix ...args` when `wantsPrefix` says so, else the arguments as they are. */
function prefixing(prefix: string, wantsPrefix: (first: string | undefined, inv: Invocation, sys: Sys) => boolean): Program<Invocation> {
  return oneShot((inv, sys) => {
    let command = inv.argv.slice(1)
    if (wantsPrefix(command[0], inv, sys)) command = [prefix, ...command]
    if (command.length === 0) return 0
    return { exec: { argv: command, env: inv.env, cwd: inv.cwd } }
  })
}

const flag = (first: string | undefined): boolean => first !== undefined && first.startsWith('-')

/** redis: `-*` or `*.conf` first means redis-server. */
export const redisEntrypoint = prefixing('redis-server', (first) => flag(first) || (first?.endsWith('.conf') ?? false))

/** node: a flag, not a command, or a file that is not executable means node. */
export const nodeEntrypoint = prefixing('node', (first, inv, sys) => {
  if (first === undefined) return false
  if (flag(first) || !commandExists(sys, inv, first)) return true
  const stat = sys.fs.stat(first.startsWith('/') ? first : `${inv.cwd}/${first}`)
  return !isErrno(stat) && stat.kind === 'file' && (stat.mode & 0o111) === 0
})

/** docker.io/library/bash: no argument or a flag means bash. */
export const bashImageEntrypoint = prefixing('bash', (first) => first === undefined || flag(first))

/** curlimages/curl's /entrypoint.sh: a flag or not a command means curl. */
export const curlEntrypoint = prefixing('curl', (first, inv, sys) => first === undefined || flag(first) || !commandExists(sys, inv, first))
