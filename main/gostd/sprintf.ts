// Go's fmt.Sprint and fmt.Sprintf over decoded JSON values (string, int64 for whole numbers, float64, bool, nil,
// map[string]interface{} with sorted keys, []interface{}), what a go-template's print and printf call: the verbs
// %v %+v %s %d %q %f %F %e %E %g %G %t %x %X %c %%, the flags - + 0 space and #, width and precision (also `*`),
// and fmt's complaints (`%!d(string=x)`, `%!d(MISSING)`, `%!(EXTRA string=x)`). A float64 is a JS number that
// is not whole, or a GoFloat (a template's `1.0`, which Go keeps a float).

/** A float64 whose value may be whole: Go tells `1.0` from `1` when it compares and prints with verbs. */
export class GoFloat {
  constructor(readonly value: number) {}
}

type GoValue = unknown

const isBoxedFloat = (v: unknown): v is GoFloat => v instanceof GoFloat

function kind(v: GoValue): 'nil' | 'string' | 'int' | 'float' | 'bool' | 'map' | 'slice' {
  if (v === null || v === undefined) return 'nil'
  if (isBoxedFloat(v)) return 'float'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  if (Array.isArray(v)) return 'slice'
  return 'map'
}

const num = (v: GoValue): number => (isBoxedFloat(v) ? v.value : (v as number))

function typeName(v: GoValue): string {
  switch (kind(v)) {
    case 'int':
      return 'int64'
    case 'float':
      return 'float64'
    case 'map':
      return 'map[string]interface {}'
    case 'slice':
      return '[]interface {}'
    default:
      return kind(v)
  }
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** %v of a float64: strconv 'g' with the shortest digits, %e when the exponent is < -4 or >= 6 (ftoa.go: 1e+06, 1.5e-05, 2.5). */
export function formatFloatV(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'
  if (n === 0) return Object.is(n, -0) ? '-0' : '0'
  const [mantissa, expText] = n.toExponential().split('e') as [string, string]
  const exp = Number(expText)
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(n)
}

/** %v of one value. */
function formatV(v: GoValue, plus = false): string {
  switch (kind(v)) {
    case 'nil':
      return '<nil>'
    case 'float':
      return formatFloatV(num(v))
    case 'map':
      return `map[${Object.keys(v as object).sort(byBytes).map((k) => `${k}:${formatV((v as Record<string, unknown>)[k], plus)}`).join(' ')}]`
    case 'slice':
      return `[${(v as unknown[]).map((e) => formatV(e, plus)).join(' ')}]`
    default:
      return String(isBoxedFloat(v) ? v.value : v)
  }
}

/** fmt.Sprint: operands' %v, a space between two when neither is a string. */
export function goSprint(args: GoValue[]): string {
  let out = ''
  args.forEach((a, i) => {
    if (i > 0 && kind(a) !== 'string' && kind(args[i - 1]) !== 'string') out += ' '
    out += formatV(a)
  })
  return out
}

interface Spec {
  minus: boolean
  plus: boolean
  zero: boolean
  space: boolean
  sharp: boolean
  width?: number
  precision?: number
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  if (spec.width === undefined || s.length >= spec.width) return s
  if (spec.minus) return s.padEnd(spec.width)
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0]! : ''
    return sign + s.slice(sign.length).padStart(spec.width - sign.length, '0')
  }
  return s.padStart(spec.width)
}

function quote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function formatOne(verb: string, v: GoValue, spec: Spec): string {
  const bad = () => `%!${verb}(${typeName(v)}=${formatV(v)})`
  const k = kind(v)
  // %T: the operand's Go type (print.go printArg), `<nil>` for a nil interface.
  if (verb === 'T') return pad(k === 'nil' ? '<nil>' : typeName(v), spec, false)
  if (k === 'nil' && verb !== 'v') return `%!${verb}(<nil>)`
  if ((k === 'map' || k === 'slice') && verb !== 'v') {
    if (k === 'map') return `map[${Object.keys(v as object).sort(byBytes).map((key) => `${formatOne(verb, key, {} as Spec)}:${formatOne(verb, (v as Record<string, unknown>)[key], spec)}`).join(' ')}]`
    return `[${(v as unknown[]).map((e) => formatOne(verb, e, spec)).join(' ')}]`
  }
  const signed = (s: string, n: number) => (n >= 0 && spec.plus ? `+${s}` : n >= 0 && spec.space ? ` ${s}` : s)
  switch (verb) {
    case 'v':
      return pad(formatV(v, spec.plus), spec, k === 'int' || k === 'float')
    case 's':
      if (k !== 'string') return bad()
      return pad(spec.precision !== undefined ? [...(v as string)].slice(0, spec.precision).join('') : (v as string), spec, false)
    case 'q':
      if (k === 'string') return pad(quote(v as string), spec, false)
      if (k === 'int') return pad(`'${String.fromCodePoint(num(v))}'`, spec, false)
      return bad()
    case 'd':
      if (k !== 'int') return bad()
      return pad(signed(String(Math.abs(num(v)) * Math.sign(num(v)) || 0), num(v)), spec, true)
    case 't':
      if (k !== 'bool') return bad()
      return pad(String(v), spec, false)
    case 'c':
      if (k !== 'int') return bad()
      return pad(String.fromCodePoint(num(v)), spec, false)
    case 'x':
    case 'X': {
      let s: string
      if (k === 'int') s = (num(v) < 0 ? '-' : '') + Math.abs(num(v)).toString(16)
      else if (k === 'string') s = Buffer.from(v as string, 'utf8').toString('hex')
      else return bad()
      if (spec.sharp && k === 'int') s = s.startsWith('-') ? `-0x${s.slice(1)}` : `0x${s}`
      return pad(verb === 'X' ? s.toUpperCase() : s, spec, k === 'int')
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      if (k !== 'float') return bad()
      const n = num(v)
      let s: string
      if (verb === 'f' || verb === 'F') s = toFixedEven(n, spec.precision ?? 6)
      else if (verb === 'e' || verb === 'E') s = n.toExponential(spec.precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2')
      else s = spec.precision === undefined ? formatFloatV(n) : Number(n.toPrecision(spec.precision)).toString()
      if (verb === 'E' || verb === 'G') s = s.toUpperCase()
      return pad(signed(s, n), spec, true)
    }
    default:
      return `%!${verb}(${typeName(v)}=${formatV(v)})`
  }
}

/**
 * %.Nf as strconv rounds: to nearest, a tie (the double's exact value halfway) to even; JS's toFixed rounds ties
 * up (2.25 -> "2.3" where Go prints "2.2").
 */
function toFixedEven(n: number, precision: number): string {
  const rounded = n.toFixed(precision)
  if (precision > 20) return rounded
  // The double's exact decimal expansion (finite for every double), read past the kept digits.
  const exact = Math.abs(n).toFixed(Math.min(100, precision + 60))
  const rest = exact.slice(exact.indexOf('.') + 1 + precision)
  if (!/^50*$/.test(rest)) return rounded
  const truncated = (n < 0 ? '-' : '') + exact.slice(0, exact.indexOf('.') + (precision > 0 ? 1 + precision : 0))
  const lastDigit = Number(truncated.replace(/[^0-9]/g, '').slice(-1))
  return lastDigit % 2 === 0 ? truncated : rounded
}

/** fmt.Sprintf. */
export function goSprintf(format: string, args: GoValue[]): string {
  let out = ''
  let argi = 0
  let i = 0
  while (i < format.length) {
    const c = format[i]!
    if (c !== '%') {
      out += c
      i++
      continue
    }
    i++
    if (format[i] === '%') {
      out += '%'
      i++
      continue
    }
    const spec: Spec = { minus: false, plus: false, zero: false, space: false, sharp: false }
    for (; i < format.length; i++) {
      const f = format[i]
      if (f === '-') spec.minus = true
      else if (f === '+') spec.plus = true
      else if (f === '0') spec.zero = !spec.minus
      else if (f === ' ') spec.space = true
      else if (f === '#') spec.sharp = true
      else break
    }
    const number = (): number | undefined => {
      if (format[i] === '*') {
        i++
        const a = args[argi++]
        return typeof a === 'number' ? a : undefined
      }
      const m = /^\d+/.exec(format.slice(i))
      if (!m) return undefined
      i += m[0].length
      return Number(m[0])
    }
    spec.width = number()
    if (format[i] === '.') {
      i++
      spec.precision = number() ?? 0
    }
    const verb = format[i]
    if (verb === undefined) {
      out += '%!(NOVERB)'
      break
    }
    i++
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`
      continue
    }
    out += formatOne(verb, args[argi++], spec)
  }
  if (argi < args.length) out += `%!(EXTRA ${args.slice(argi).map((a) => `${typeName(a)}=${formatV(a)}`).join(', ')})`
  return out
}
