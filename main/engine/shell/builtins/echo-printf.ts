// echo and printf as builtins. echo differs by shell: dash always reads backslash escapes and takes only -n;
// bash reads them only with -e; busybox takes -n -e -E like bash.

import type { Flavour } from '../state'

/** Backslash escapes as echo -e and printf %b read them; `stop` is set by `\c` (no more output). */
export function escapes(text: string): { text: string; stop: boolean } {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch
      continue
    }
    const next = text[++i]!
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', e: '\x1b' }
    if (next === 'c') return { text: out, stop: true }
    if (next in simple) out += simple[next]
    else if (next === '0' || /[1-7]/.test(next)) {
      const digits = /^[0-7]{0,3}/.exec(text.slice(next === '0' ? i + 1 : i))![0]
      out += String.fromCharCode(parseInt(digits || '0', 8))
      i += next === '0' ? digits.length : digits.length - 1
    } else out += `\\${next}`
  }
  return { text: out, stop: false }
}

/** The text `echo ARGS` prints. */
export function echo(flavour: Flavour, args: string[]): string {
  let newline = true
  let interpret = flavour === 'dash'
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]!
    const allowed = flavour === 'dash' ? /^-n+$/ : /^-[neE]+$/
    if (!allowed.test(a)) break
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false
      else if (c === 'e') interpret = true
      else interpret = false
    }
  }
  let text = args.slice(i).join(' ')
  if (interpret) {
    const got = escapes(text)
    if (got.stop) return got.text
    text = got.text
  }
  return newline ? `${text}\n` : text
}

/** printf FORMAT [ARG...]: the text, and an error for a bad number (status 1). */
export function printf(format: string, args: string[]): { text: string; error?: string } {
  let out = ''
  let error: string | undefined
  let ai = 0
  const next = (): string | undefined => args[ai++]
  const num = (v: string | undefined): number => {
    if (v === undefined || v === '') return 0
    if (/^['"]/.test(v)) return v.codePointAt(1) ?? 0
    const n = /^[-+]?0[xX][0-9a-fA-F]+$/.test(v) ? parseInt(v, 16) : Number(v)
    if (!Number.isFinite(n)) {
      error ??= `printf: ${v}: invalid number`
      return parseFloat(v) || 0
    }
    return n
  }
  do {
    const startArgs = ai
    for (let i = 0; i < format.length; i++) {
      const ch = format[i]!
      if (ch === '\\') {
        const got = escapes(format.slice(i, i + 4).replace(/^(\\[0-7]{1,3}|\\.).*$/s, '$1'))
        const m = /^\\([0-7]{1,3}|.)/s.exec(format.slice(i))!
        out += got.text
        i += m[0].length - 1
        continue
      }
      if (ch !== '%') {
        out += ch
        continue
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sdicxXobfeEgGu%])/.exec(format.slice(i))
      if (!m) {
        out += ch
        continue
      }
      i += m[0].length - 1
      const [, flags = '', widthSpec, precSpec, conv] = m
      if (conv === '%') {
        out += '%'
        continue
      }
      const width = widthSpec === '*' ? num(next()) : widthSpec ? Number(widthSpec) : 0
      const prec = precSpec === '*' ? num(next()) : precSpec !== undefined ? Number(precSpec) : undefined
      const arg = next()
      let text: string
      switch (conv) {
        case 's':
          text = prec !== undefined ? (arg ?? '').slice(0, prec) : (arg ?? '')
          break
        case 'b':
          text = escapes(arg ?? '').text
          break
        case 'c':
          text = (arg ?? '').slice(0, 1)
          break
        case 'd':
        case 'i':
        case 'u': {
          const n = Math.trunc(num(arg))
          text = String(Math.abs(n))
          if (prec !== undefined) text = text.padStart(prec, '0')
          text = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + text
          break
        }
        case 'x':
        case 'X':
        case 'o': {
          const n = Math.trunc(num(arg))
          text = n.toString(conv === 'o' ? 8 : 16)
          if (conv === 'X') text = text.toUpperCase()
          if (flags.includes('#') && n !== 0) text = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + text
          break
        }
        default: {
          const n = num(arg)
          const p = prec ?? 6
          text = conv === 'f' ? n.toFixed(p) : conv!.toLowerCase() === 'e' ? n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p || 1)))
          if (conv === 'E' || conv === 'G') text = text.toUpperCase()
        }
      }
      if (text.length < width) {
        if (flags.includes('-')) text = text.padEnd(width)
        else if (flags.includes('0') && /[dioxXuf]/.test(conv!)) {
          const sign = /^[-+ ]/.test(text) ? text[0]! : ''
          text = sign + text.slice(sign.length).padStart(width - sign.length, '0')
        } else text = text.padStart(width)
      }
      out += text
    }
    if (ai === startArgs) break
  } while (ai < args.length)
  return error ? { text: out, error } : { text: out }
}
