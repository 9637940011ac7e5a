// printf FORMAT [ARG]...: the format is reused while arguments remain (POSIX); %s %b %c %d %i %o %u %x %X %f
// %e %g %% with flags, width and precision; a missing argument is "" or 0. A bad number prints the flavour's
// error, counts as 0 and makes the status 1.

import type { Program, Sys } from '../../process/program'
import { complain, type Flavour, type Invocation, oneShot } from '../kit'
import { usageError } from '../busybox/usage'
import { unescape } from './escapes'

const SPEC = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXfFeEgGcsb%])/g

function pad(text: string, flags: string, width: number | undefined): string {
  if (width === undefined || text.length >= width) return text
  if (flags.includes('-')) return text.padEnd(width)
  if (flags.includes('0') && /^[-+ ]?\d/.test(text)) {
    const sign = /^[-+ ]/.test(text) ? text[0]! : ''
    return sign + text.slice(sign.length).padStart(width - sign.length, '0')
  }
  return text.padStart(width)
}

function numberArg(arg: string | undefined, flavour: Flavour, sys: Sys, bad: { status: number }): number {
  if (arg === undefined || arg === '') return 0
  if (/^['"]./.test(arg)) return arg.codePointAt(1)!
  const n = Number(arg.trim())
  if (/^\s*[-+]?(0[xX][0-9a-fA-F]+|\d+(\.\d*)?([eE][-+]?\d+)?|\.\d+)\s*$/.test(arg) && Number.isFinite(n)) return n
  complain(sys, flavour === 'gnu' ? `printf: '${arg}': expected a numeric value` : `printf: invalid number '${arg}'`)
  bad.status = 1
  const lead = /^\s*[-+]?\d+/.exec(arg)
  return lead ? Number(lead[0]) : 0
}

function signed(text: string, n: number, flags: string): string {
  if (n < 0 || Object.is(n, -0)) return text
  return flags.includes('+') ? `+${text}` : flags.includes(' ') ? ` ${text}` : text
}

/** One conversion of `arg`; `stopped` when %b met `\c`. */
function convert(conv: string, flags: string, precision: number | undefined, arg: string | undefined, flavour: Flavour, sys: Sys, bad: { status: number }): { text: string; stopped?: boolean } {
  switch (conv) {
    case 's':
      return { text: precision === undefined ? (arg ?? '') : (arg ?? '').slice(0, precision) }
    case 'b': {
      const read = unescape(arg ?? '', 'zero-prefixed')
      return { text: read.text, stopped: read.stopped }
    }
    case 'c':
      return { text: (arg ?? '').slice(0, 1) }
    case 'd':
    case 'i': {
      const n = Math.trunc(numberArg(arg, flavour, sys, bad))
      let digits = Math.abs(n).toString()
      if (precision !== undefined) digits = digits.padStart(precision, '0')
      return { text: signed(n < 0 ? `-${digits}` : digits, n, flags) }
    }
    case 'o':
    case 'u':
    case 'x':
    case 'X': {
      let n = BigInt(Math.trunc(numberArg(arg, flavour, sys, bad)))
      if (n < 0n) n += 2n ** 64n
      const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16
      let digits = n.toString(base)
      if (conv === 'X') digits = digits.toUpperCase()
      if (precision !== undefined) digits = digits.padStart(precision, '0')
      if (flags.includes('#') && n !== 0n) digits = conv === 'o' ? `0${digits}` : conv === 'x' ? `0x${digits}` : conv === 'X' ? `0X${digits}` : digits
      return { text: digits }
    }
    default: {
      const n = numberArg(arg, flavour, sys, bad)
      const p = precision ?? 6
      let text: string
      if (conv === 'f' || conv === 'F') text = n.toFixed(p)
      else if (conv === 'e' || conv === 'E') text = n.toExponential(p).replace(/e([-+])(\d)$/, 'e$10$2')
      else text = Number(n.toPrecision(p || 1)).toString()
      if (conv === 'E' || conv === 'G') text = text.toUpperCase()
      return { text: signed(text, n, flags) }
    }
  }
}

export function printfProgram(flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    const [format, ...args] = inv.argv.slice(1)
    if (format === undefined) return usageError(sys, flavour, 'printf', 'missing operand')
    const bad = { status: 0 }
    let out = ''
    let used = 0
    do {
      const before = used
      let stopped = false
      let last = 0
      SPEC.lastIndex = 0
      for (let m = SPEC.exec(format); m; m = SPEC.exec(format)) {
        out += unescape(format.slice(last, m.index), 'bare').text
        last = m.index + m[0].length
        const [, flags = '', widthSpec, precisionSpec, conv = 's'] = m
        if (conv === '%') {
          out += '%'
          continue
        }
        const width = widthSpec === '*' ? Math.trunc(numberArg(args[used++], flavour, sys, bad)) : widthSpec === undefined ? undefined : Number(widthSpec)
        const precision = precisionSpec === '*' ? Math.trunc(numberArg(args[used++], flavour, sys, bad)) : precisionSpec === undefined ? undefined : Number(precisionSpec || '0')
        const done = convert(conv, flags, precision, args[used++], flavour, sys, bad)
        out += pad(done.text, flags, width)
        if (done.stopped) {
          stopped = true
          break
        }
      }
      if (stopped) break
      out += unescape(format.slice(last), 'bare').text
      if (used === before) break
    } while (used < args.length)
    sys.write(1, out)
    return bad.status
  })
}
