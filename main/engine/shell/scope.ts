// What a subshell, a pipeline stage, a background job and a `$(...)` copy take from their shell: a deep copy of
// its scope (arg0, variables, exports, functions, positional parameters, cwd, traps, options), restored when a
// subshell ends; and whether descriptors 0-2 are still the ones the shell started with (so it may exec).

import type { FdTarget } from '../process/program'
import type { Scope, ShellState } from './state'

/** A deep copy of `s`'s scope (JSON, as the whole state is). */
export function scopeOf(s: ShellState): Scope {
  return JSON.parse(JSON.stringify({ arg0: s.arg0, vars: s.vars, exported: s.exported, funcs: s.funcs, args: s.args, cwd: s.cwd, traps: s.traps, opts: s.opts }))
}

/** Whether descriptors 0, 1 and 2 are the same in `a` and `b`. */
export function sameFds(a: Record<string, FdTarget>, b: Record<string, FdTarget>): boolean {
  return ['0', '1', '2'].every((fd) => JSON.stringify(a[fd]) === JSON.stringify(b[fd]))
}
