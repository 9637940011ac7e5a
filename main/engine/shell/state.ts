// The shell's whole state, plain JSON (the kernel saves it between steps): variables, functions, traps, the
// scripts it has read (as text: trees are re-parsed from the cache), and a stack of frames that point into
// those scripts by statement and list ids.

import type { FdTarget } from '../process/program'

export type Flavour = 'busybox' | 'dash' | 'bash'

export type Frame =
  /** Runs the statements of list `list` of script `src` in order; `cond` lists (if/while tests, `a` of `a && b`) never trip `set -e`. */
  | { k: 'list'; src: number; list: number; i: number; cond?: true }
  /** One statement; `phase` and the rest are that command kind's progress. */
  | { k: 'stmt'; src: number; id: number; phase: number; items?: string[]; idx?: number; body?: number; fg?: true }
  /** Puts descriptors back when a redirection's scope ends (null: the descriptor was closed). */
  | { k: 'restore'; fds: Record<string, FdTarget | null>; inbuf?: SavedInput }
  | { k: 'negate' }
  /** A foreground child: the shell waits for it. */
  | { k: 'child'; pid: number; name: string }
  | { k: 'func'; args: string[]; locals: Record<string, string | null> }
  /** `( ... )` and pipeline stages: everything but the descriptors comes back when it ends. */
  | { k: 'subshell'; saved: Scope }
  | { k: 'trap'; status: number }
  /** The `wait` builtin. */
  | { k: 'wait'; pids: number[] }
  /** The `read` builtin. */
  | { k: 'read'; names: string[]; raw: boolean }
  /** `.` and `eval`: a `return` ends a dot script. */
  | { k: 'dot' }
  /** A pipeline: stage `i` runs with its input from buffer `input`. */
  | { k: 'pipe'; src: number; id: number; i: number; input?: string }
  /** Commands read from standard input, one line after another (`sh` without a script; exec sessions). */
  | { k: 'repl'; text: string; prompted: boolean; line: number }

/** What a subshell keeps to itself. */
export interface Scope {
  /** `$0`: a script run by name sets it for its own run. */
  arg0: string
  vars: Record<string, string>
  exported: string[]
  funcs: Record<string, { src: number; list: number }>
  args: string[]
  cwd: string
  traps: Record<string, string>
  opts: { e: boolean; x: boolean; u: boolean }
}

export type Unwind = { kind: 'break' | 'continue'; n: number } | { kind: 'return' | 'exit'; status: number }

export interface ShellState extends Scope {
  flavour: Flavour
  lang: 'posix' | 'bash'
  /** The shell's argv as started (a background job's shell shows the same in `ps`). */
  argv: string[]
  srcs: string[]
  status: number
  /** `$!` */
  lastBg?: number
  /** `$$`: the shell's pid, which a subshell (`( ... ) &`) keeps. */
  pid: number
  /** Background jobs still running, and the statuses of those that ended but no `wait` asked for yet. */
  jobs: number[]
  jobDone: Record<string, number>
  /** The descriptors the shell was started with (it may exec its last command only while they are unchanged). */
  origFds: Record<string, FdTarget>
  /** This shell's descriptors (0, 1, 2 and any `exec N>file`). */
  fds: Record<string, FdTarget>
  /** Text read from a descriptor but not yet used (`read` takes a line at a time). */
  inbuf: Record<string, InputBuffer>
  stack: Frame[]
  unwind?: Unwind
  /** Caught signals whose traps have not run yet (short names: TERM). */
  pending: string[]
  exitTrapRan: boolean
  interactive: boolean
  /** The line number `sh: 3: foo: not found` prints. */
  line: number
  seq: number
  init: boolean
  home: string
  hostname: string
  /** Set while a loop that never waits keeps a core busy. */
  busy?: boolean
  /** The resident memory last reported (bytes). */
  rss?: number
}

/** What a descriptor has read and not used yet: the rest of a line or of a paste, and whether its end came. */
export interface InputBuffer {
  rest: string
  eof: boolean
}

/**
 * The read-ahead of the descriptors a redirection or a pipeline stage moved, put back when they are restored
 * (null: there was none). A paste `echo a | cat` + `exit 4` reaches the interactive shell as one chunk: the
 * `exit 4` waits in descriptor 0's read-ahead while the pipeline runs, and must still be there after it.
 */
export type SavedInput = Record<string, InputBuffer | null>
