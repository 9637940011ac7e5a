// tail [-n N|+N] [-c N] [-f|-F] [-s SEC] [FILE]...: the last lines (10) or bytes, then with -f the text
// appended since, looked for every second as busybox's tail polls (coreutils/tail.c: sleep(sleep_period)), so a
// file another container writes through a shared emptyDir shows up at most a second later. -F also waits for a
// missing file and follows a file that is replaced. GNU tail is woken by inotify; here it polls as busybox does.

import { isErrno } from '../../process/errno'
import type { Program, Sys } from '../../process/program'
import { absolute, complain, errnoText, type Flavour, type Invocation, invocation, linesWithEnds } from '../kit'

interface Followed {
  name: string
  /** Characters already shown; null while the file cannot be opened (-F waits for it). */
  offset: number | null
}

interface TailState {
  inv: Invocation
  files: Followed[]
  follow: boolean
  retry: boolean
  periodMs: number
  /** The file whose text was shown last (a header is printed when another one has new text). */
  last: number
  status: number
  stdin: string | null
}

interface TailArgs {
  count: number
  fromTop: boolean
  bytes: boolean
  follow: boolean
  retry: boolean
  periodMs: number
  operands: string[]
}

function parse(args: string[]): TailArgs {
  const out: TailArgs = { count: 10, fromTop: false, bytes: false, follow: false, retry: false, periodMs: 1000, operands: [] }
  const number = (text: string): void => {
    out.fromTop = text.startsWith('+')
    out.count = Math.abs(Number.parseInt(text, 10) || 0)
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '-n' || arg === '-c') {
      out.bytes = arg === '-c'
      number(args[++i] ?? '10')
    } else if (/^-[nc][+-]?\d+$/.test(arg)) {
      out.bytes = arg[1] === 'c'
      number(arg.slice(2))
    } else if (/^-\d+$/.test(arg)) number(arg.slice(1))
    else if (arg === '-s') out.periodMs = Number(args[++i] ?? 1) * 1000
    else if (/^-[fFq]+$/.test(arg)) {
      out.follow ||= /[fF]/.test(arg)
      out.retry ||= arg.includes('F')
    } else if (arg === '--follow' || arg === '--follow=descriptor') out.follow = true
    else if (arg === '--follow=name' || arg === '--retry') out.follow = out.retry = true
    else out.operands.push(arg)
  }
  return out
}

function lastPart(text: string, args: TailArgs): string {
  if (args.bytes) return args.fromTop ? text.slice(Math.max(0, args.count - 1)) : args.count === 0 ? '' : text.slice(-args.count)
  const lines = linesWithEnds(text)
  return (args.fromTop ? lines.slice(Math.max(0, args.count - 1)) : args.count === 0 ? [] : lines.slice(-args.count)).join('')
}

function header(state: TailState, i: number, sys: Sys, first: boolean): void {
  if (state.files.length > 1 && state.last !== i) sys.write(1, `${first ? '' : '\n'}==> ${state.files[i]!.name} <==\n`)
  state.last = i
}

export function tailProgram(flavour: Flavour): Program<TailState> {
  const openError = (sys: Sys, name: string, e: Parameters<typeof errnoText>[0]): void =>
    complain(sys, flavour === 'gnu' ? `tail: cannot open '${name}' for reading: ${errnoText(e)}` : `tail: can't open '${name}': ${errnoText(e)}`)

  function poll(state: TailState, sys: Sys): void {
    for (const [i, file] of state.files.entries()) {
      const text = sys.fs.readFile(absolute(state.inv, file.name))
      if (isErrno(text)) {
        if (file.offset !== null && state.retry) {
          complain(sys, flavour === 'gnu' ? `tail: '${file.name}' has become inaccessible: ${errnoText(text)}` : `tail: ${file.name} has been renamed or deleted: ${errnoText(text)}`)
          file.offset = null
        }
        continue
      }
      if (file.offset === null) {
        complain(sys, flavour === 'gnu' ? `tail: '${file.name}' has appeared;  following new file` : `tail: ${file.name} has appeared; following end of new file`)
        file.offset = 0
      }
      if (text.length < file.offset) file.offset = 0
      if (text.length > file.offset) {
        header(state, i, sys, false)
        sys.write(1, text.slice(file.offset))
        file.offset = text.length
      }
    }
  }

  return {
    start: (ctx) => {
      const inv = invocation(ctx)
      const args = parse(inv.argv.slice(1))
      const files = args.operands.filter((o) => o !== '-').map((name) => ({ name, offset: null }))
      return { inv, files, follow: args.follow, retry: args.retry, periodMs: args.periodMs, last: -1, status: 0, stdin: args.operands.length === 0 ? '' : null }
    },
    run: (state, sys) => {
      const s: TailState = JSON.parse(JSON.stringify(state))
      const args = parse(s.inv.argv.slice(1))
      if (s.stdin !== null) {
        for (;;) {
          const got = sys.read(0)
          if (got === 'wait') return { state: s, block: { input: true } }
          if (got === 'eof') break
          s.stdin += got
        }
        sys.write(1, lastPart(s.stdin, args))
        // Following a stdin that ended: busybox keeps waiting on it unless it is a pipe (a container's /dev/null).
        return s.follow ? { state: { ...s, stdin: null, files: [] }, block: {} } : { exit: 0 }
      }
      if (s.last === -1 && s.files.every((f) => f.offset === null)) {
        let first = true
        for (const [i, file] of s.files.entries()) {
          const text = sys.fs.readFile(absolute(s.inv, file.name))
          if (isErrno(text)) {
            openError(sys, file.name, text)
            s.status = 1
            continue
          }
          header(s, i, sys, first)
          first = false
          sys.write(1, lastPart(text, args))
          file.offset = text.length
        }
        if (!s.follow) return { exit: s.status }
        if (!s.retry) s.files = s.files.filter((f) => f.offset !== null)
        if (s.files.length === 0) {
          complain(sys, flavour === 'gnu' ? 'tail: no files remaining' : 'tail: no files')
          return { exit: 1 }
        }
        if (s.last === -1) s.last = -2
        return { state: s, block: { wakeAt: sys.now() + s.periodMs } }
      }
      poll(s, sys)
      return { state: s, block: { wakeAt: sys.now() + s.periodMs } }
    },
    handles: () => false,
    signal: () => ({ exit: 0 }),
  }
}
