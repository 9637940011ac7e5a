// What most programs share: the invocation they keep in their state, writing lines to stdout/stderr, reading
// all of stdin, and the two flavours of error text (busybox's "can't open 'x'", GNU's "x: No such file").

import { ERRNO_TEXT, type Errno } from '../process/errno'
import { resolvePath } from '../process/memory-fs'
import type { Program, StartContext, Step, Sys } from '../process/program'

/** How a program was started, kept in its state (JSON). */
export interface Invocation {
  argv: string[]
  env: Record<string, string>
  cwd: string
  init: boolean
  image: string
}

export function invocation(ctx: StartContext): Invocation {
  return { argv: [...ctx.argv], env: { ...ctx.env }, cwd: ctx.cwd, init: ctx.init, image: ctx.image }
}

/** Whose texts a program prints: busybox's applets or GNU coreutils (Debian, Ubuntu). */
export type Flavour = 'busybox' | 'gnu'

/** The name a program calls itself in messages: argv[0]'s last component, as busybox's applet_name and GNU's program_name. */
export function progName(inv: Invocation): string {
  const first = inv.argv[0] ?? ''
  return first.slice(first.lastIndexOf('/') + 1)
}

export function errnoText(e: Errno): string {
  return ERRNO_TEXT[e]
}

/** Writes `text` and a newline to stdout. */
export function say(sys: Sys, text: string): void {
  sys.write(1, `${text}\n`)
}

/** Writes `text` and a newline to stderr. */
export function complain(sys: Sys, text: string): void {
  sys.write(2, `${text}\n`)
}

/** A path argument made absolute against the process's working directory. */
export function absolute(inv: Invocation, path: string): string {
  return resolvePath(inv.cwd, path)
}

/**
 * A program that does all its work in its first step and ends with the status `main` returns. It handles no
 * signal (a signal's default action applies), and never waits.
 */
export function oneShot(main: (inv: Invocation, sys: Sys) => number | Step<Invocation>): Program<Invocation> {
  return {
    start: (ctx) => invocation(ctx),
    run: (inv, sys) => {
      const result = main(inv, sys)
      return typeof result === 'number' ? { exit: result } : result
    },
    handles: () => false,
    signal: () => ({ exit: 0 }),
  }
}

export interface FilterState {
  inv: Invocation
  input: string
}

/**
 * A program that reads all of stdin before it works, when `wantsStdin` says it must (no file operand, or `-`):
 * it waits for input until end of file, then `main` gets the text (undefined when stdin was not wanted).
 */
export function stdinFilter(
  wantsStdin: (inv: Invocation) => boolean,
  main: (inv: Invocation, sys: Sys, stdin: string | undefined) => number,
): Program<FilterState> {
  return {
    start: (ctx) => ({ inv: invocation(ctx), input: '' }),
    run: (state, sys) => {
      if (!wantsStdin(state.inv)) return { exit: main(state.inv, sys, undefined) }
      let input = state.input
      for (;;) {
        const got = sys.read(0)
        if (got === 'wait') return { state: { ...state, input }, block: { input: true } }
        if (got === 'eof') return { exit: main(state.inv, sys, input) }
        input += got
      }
    },
    handles: () => false,
    signal: () => ({ exit: 0 }),
  }
}

/** Splits text into lines without their newlines; a last line without a newline counts. */
export function linesOf(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Waits until the kernel wakes the process for a signal only (a daemon serving requests). */
export function idle<S>(state: S): Step<S> {
  return { state, block: {} }
}

/** Splits text into lines that keep their newline (a last line may have none): joining them gives the text. */
export function linesWithEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}
