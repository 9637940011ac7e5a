// resource.Quantity as the API server parses and re-serialises it: exact parsing and the canonical string.
// A port of k8s.io/apimachinery v0.32.0 pkg/api/resource:
//   - quantity.go: parseQuantityString, ParseQuantity (including the cached string `s` it keeps when the
//     input is already canonical), CanonicalizeBytes, String / MarshalJSON;
//   - suffix.go: quantitySuffixer (interpret, constructBytes);
//   - amount.go, math.go: AsCanonicalBytes, AsCanonicalBase1024Bytes, AsScale, removeInt64Factors /
//     removeBigIntFactors;
// and of gopkg.in/inf.v0 v0.9.1 (Dec.SetString, Round with RoundUp), which ParseQuantity uses for values
// that do not fit its int64 fast path.
//
// Go keeps a quantity either as an int64Amount or as an inf.Dec; both stand for unscaled × 10^exponent and
// both canonicalise to the same text, so here a single exact form is kept: a BigInt and an exponent.
// Go does its scale arithmetic in int32; that wrapping is reproduced (wrap32) at the places ParseQuantity and
// AsCanonicalBytes compute scales, so absurd exponents (1e4294967297) come out as Go prints them. Where Go
// would rescale a number to an astronomically large precision (it never returns), this port takes the
// value-preserving shortcut instead.

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI'

/** A parsed resource.Quantity: the value is unscaled × 10^exponent. */
export interface Quantity {
  readonly unscaled: bigint
  readonly exponent: number
  readonly format: QuantityFormat
  /** ParseQuantity's cached string: the input itself when it was already canonical; '' otherwise. */
  readonly s: string
}

export type QuantityParse = { ok: true; quantity: Quantity } | { ok: false; error: string }

// quantity.go
const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`
export const ERR_NUMERIC = 'unable to parse numeric part of quantity'
export const ERR_SUFFIX = "unable to parse quantity's suffix"

// amount.go / math.go
const NANO = -9
const MAX_INT64_FACTORS = 18
const MAX_INT64 = (1n << 63n) - 1n

/** Go's int32(x) for an integer x. */
const wrap32 = (n: number): number => Number(BigInt.asIntN(32, BigInt(n)))
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const abs = (n: bigint): bigint => (n < 0n ? -n : n)

export interface QuantityString {
  positive: boolean
  value: string
  num: string
  denom: string
  suffix: string
}

/** parseQuantityString: the fast scanner splitting sign, numerator, denominator and suffix. */
export function parseQuantityString(str: string): QuantityString | { error: string } {
  let positive = true
  let pos = 0
  const end = str.length
  if (pos < end) {
    if (str[0] === '-') {
      positive = false
      pos++
    } else if (str[0] === '+') {
      pos++
    }
  }
  // strip leading zeros
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' }
    if (str[i] !== '0') break
    pos++
  }
  // the numerator
  let num = ''
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str.slice(0, end), num: str.slice(pos, end), denom: '', suffix: '' }
    if (!isDigit(str[i])) {
      num = str.slice(pos, i)
      pos = i
      break
    }
  }
  if (num.length === 0) num = '0'
  // the denominator
  let denom = ''
  if (pos < end && str[pos] === '.') {
    pos++
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str.slice(0, end), num, denom: str.slice(pos, end), suffix: '' }
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i)
        pos = i
        break
      }
    }
  }
  const value = str.slice(0, pos)
  // the suffix
  const suffixStart = pos
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) }
    if (!'eEinumkKMGTP'.includes(str[i] ?? '')) {
      pos = i
      break
    }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) }
    if (!isDigit(str[i])) break
  }
  return { error: ERR_FORMAT_WRONG }
}

// suffix.go
const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]))
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]))

interface Interpreted {
  base: 2 | 10
  exponent: number
  format: QuantityFormat
}

/** quantitySuffixer.interpret; null when the suffix is not one. */
function interpret(suffix: string): Interpreted | null {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix] ?? 0, format: 'DecimalSI' }
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return { base: 2, exponent: BINARY_SUFFIXES[suffix] ?? 0, format: 'BinarySI' }
  if (suffix.length > 1 && (suffix[0] === 'E' || suffix[0] === 'e')) {
    const parsed = parseInt64(suffix.slice(1))
    if (parsed === null) return null
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' }
  }
  return null
}

/** strconv.ParseInt(s, 10, 64); null on a syntax or range error. */
function parseInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null
  const n = BigInt(s)
  return n > MAX_INT64 || n < -MAX_INT64 - 1n ? null : n
}

/** quantitySuffixer.constructBytes; '' when there is none (Go then emits no suffix at all). */
function constructSuffix(base: 2 | 10, exponent: number, format: QuantityFormat): string {
  switch (format) {
    case 'DecimalSI':
      return DECIMAL_BY_EXPONENT.get(exponent) ?? ''
    case 'BinarySI':
      return BINARY_BY_EXPONENT.get(exponent) ?? ''
    case 'DecimalExponent':
      return base !== 10 || exponent === 0 ? '' : `e${exponent}`
  }
}

/** ParseQuantity: the quantity or the error the API server's decoder reports for it. */
export function parseQuantityExact(str: string): QuantityParse {
  if (str.length === 0) return { ok: false, error: ERR_FORMAT_WRONG }
  if (str === '0') return { ok: true, quantity: { unscaled: 0n, exponent: 0, format: 'DecimalSI', s: str } }

  const split = parseQuantityString(str)
  if ('error' in split) return { ok: false, error: split.error }
  const { positive, value, num, denom } = split
  const suffix = interpret(split.suffix)
  if (!suffix) return { ok: false, error: ERR_SUFFIX }
  const { base, exponent } = suffix
  let format = suffix.format

  let precision = 0
  let scale = 0
  let mantissa = 1n
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa <<= BigInt(exponent)
      // int32(float32(exponent)*3/10): exact for the binary exponents 10..60
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1
    } else {
      precision = -1
    }
  } else {
    scale = exponent
    precision = MAX_INT64_FACTORS - (num.length + denom.length)
  }

  if (precision >= 0) {
    scale = wrap32(scale - denom.length)
    if (scale >= NANO) {
      const shifted = num + denom
      const parsed = BigInt(shifted) // at most 18 digits: strconv.ParseInt cannot fail here
      let result = parsed * mantissa
      if (result <= MAX_INT64) {
        if (!positive) result = -result
        let s = ''
        if (format === 'BinarySI') {
          if (exponent % 10 === 0 && (parsed & 7n) !== 0n) s = str
        } else if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') {
          s = str
        }
        return { ok: true, quantity: { unscaled: result, exponent: scale, format, s } }
      }
    }
  }

  const dec = decSetString(value)
  if (!dec) return { ok: false, error: ERR_NUMERIC }
  let { unscaled } = dec
  let decScale = dec.scale
  if (base === 10) {
    decScale = wrap32(decScale + wrap32(-exponent))
  } else {
    unscaled *= 1n << BigInt(exponent)
  }

  const negative = unscaled < 0n
  unscaled = abs(unscaled)
  // Non-zero values round up to the nearest nano (inf.RoundUp).
  if (unscaled !== 0n && decScale > -NANO) {
    const shift = decScale + NANO
    if (shift > unscaled.toString().length) {
      unscaled = 1n
    } else {
      const divisor = 10n ** BigInt(shift)
      const remainder = unscaled % divisor
      unscaled = unscaled / divisor + (remainder === 0n ? 0n : 1n)
    }
    decScale = -NANO
  }
  let amount = { unscaled, exponent: wrap32(-decScale) }
  if (format === 'BinarySI' && compare(amount, MAX_INT64) > 0) amount = { unscaled: MAX_INT64, exponent: 0 }
  if (format === 'BinarySI' && compare(amount, 1n) < 0 && compare(amount, 0n) > 0) format = 'DecimalSI'
  if (negative) amount = { unscaled: -amount.unscaled, exponent: amount.exponent }
  return { ok: true, quantity: { ...amount, format, s: '' } }
}

/** inf.Dec.SetString: an optional sign, digits with at most one point; scale = digits after the point. */
function decSetString(s: string): { unscaled: bigint; scale: number } | null {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(s)
  if (!m) return null
  const [, sign = '', int = '', frac = ''] = m
  if (int.length + frac.length === 0) return null // "no digits read"
  const unscaled = BigInt(int + frac)
  return { unscaled: sign === '-' ? -unscaled : unscaled, scale: s.includes('.') ? frac.length : 0 }
}

/** Compares unscaled × 10^exponent with an integer of at most 64 bits. */
function compare(a: { unscaled: bigint; exponent: number }, n: bigint): number {
  const cmp = (x: bigint, y: bigint): number => (x < y ? -1 : x > y ? 1 : 0)
  if (a.unscaled === 0n) return cmp(0n, n)
  if (a.exponent >= 0) {
    // |unscaled| × 10^40 and more is beyond any int64
    if (a.exponent > 40) return a.unscaled > 0n ? 1 : -1
    return cmp(a.unscaled * 10n ** BigInt(a.exponent), n)
  }
  const digits = abs(a.unscaled).toString().length
  // |value| < 10^(digits + exponent) <= 10^-40 is nearer zero than any non-zero integer
  if (digits + a.exponent < -40) return n === 0n ? (a.unscaled > 0n ? 1 : -1) : cmp(0n, n)
  return cmp(a.unscaled, n * 10n ** BigInt(-a.exponent))
}

/** AsScale(0): rounded to an integer away from zero, and whether that was exact. */
function asScale0(q: Quantity): { value: bigint; exact: boolean } {
  if (q.exponent >= 0) return { value: q.unscaled * 10n ** BigInt(q.exponent), exact: true }
  const digits = abs(q.unscaled).toString().length
  if (-q.exponent > digits) return { value: q.unscaled > 0n ? 1n : -1n, exact: false }
  const divisor = 10n ** BigInt(-q.exponent)
  const quotient = q.unscaled / divisor
  if (q.unscaled % divisor === 0n) return { value: quotient, exact: true }
  return { value: quotient + (q.unscaled > 0n ? 1n : -1n), exact: false }
}

/** removeInt64Factors / removeBigIntFactors: value = result × factor^times. */
function removeFactors(value: bigint, factor: bigint): { result: bigint; times: number } {
  let result = value
  let times = 0
  while (result !== 0n && result % factor === 0n) {
    result /= factor
    times++
  }
  return { result, times }
}

/** Quantity.String: the cached string if ParseQuantity kept one, else CanonicalizeBytes' number and suffix. */
export function quantityString(q: Quantity): string {
  if (q.s.length > 0) return q.s
  return canonicalize(q)
}

/** CanonicalizeBytes, number and suffix joined. */
export function canonicalize(q: Quantity): string {
  if (q.unscaled === 0n) return '0'
  let format = q.format
  let rounded: bigint | null = null
  if (format === 'BinarySI') {
    if (compare(q, -1024n) > 0 && compare(q, 1024n) < 0) {
      format = 'DecimalSI'
    } else {
      const { value, exact } = asScale0(q)
      if (exact) rounded = value
      else format = 'DecimalSI'
    }
  }
  if (format === 'BinarySI' && rounded !== null) {
    // AsCanonicalBase1024Bytes
    const { result, times } = removeFactors(rounded, 1024n)
    return result.toString() + constructSuffix(2, times * 10, 'BinarySI')
  }
  // AsCanonicalBytes: all factors of ten into the exponent, then back down to a multiple of three.
  const { result, times } = removeFactors(q.unscaled, 10n)
  let amount = result
  let exponent = wrap32(q.exponent + times)
  while (exponent % 3 !== 0) {
    amount *= 10n
    exponent = wrap32(exponent - 1)
  }
  return amount.toString() + constructSuffix(10, exponent, format)
}

/** The string the API server stores and returns for a quantity written as `str`, or its parse error. */
export function canonicalQuantity(str: string): { ok: true; value: string } | { ok: false; error: string } {
  const parsed = parseQuantityExact(str)
  return parsed.ok ? { ok: true, value: quantityString(parsed.quantity) } : parsed
}
