// Go's time.ParseDuration, ported from src/time/format.go (ParseDuration, leadingInt, leadingFraction): what
// pflag's DurationVar flags (`kubectl logs --since=5s`, `drain --timeout=2m`) accept and the errors they give.
// Nanoseconds are kept in a bigint, as Go's int64, so that "1.5h" and "9223372036s" overflow where Go's do.

import { goQuote } from './gofmt'

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n, // U+00B5 micro sign
  'μs': 1000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
}
const LIMIT = 1n << 63n
const MAX_INT64 = LIMIT - 1n

/**
 * A duration string ("300ms", "-1.5h", "2h45m") as nanoseconds, or Go's error text (`time: invalid duration
 * "x"`, `time: missing unit in duration "1"`, `time: unknown unit "q" in duration "1q"`).
 */
export function parseGoDuration(text: string): { ns: bigint } | { error: string } {
  const orig = text
  const invalid = { error: `time: invalid duration ${goQuote(orig)}` }
  let s = text
  let neg = false
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '0') return { ns: 0n }
  if (s === '') return invalid
  let total = 0n
  while (s !== '') {
    if (!(s[0] === '.' || (s[0]! >= '0' && s[0]! <= '9'))) return invalid
    const intPart = /^[0-9]*/.exec(s)![0]
    s = s.slice(intPart.length)
    const pre = intPart !== ''
    let frac = ''
    let post = false
    if (s[0] === '.') {
      s = s.slice(1)
      frac = /^[0-9]*/.exec(s)![0]
      s = s.slice(frac.length)
      post = frac !== ''
    }
    if (!pre && !post) return invalid
    const unit = /^[^0-9.]*/.exec(s)![0]
    s = s.slice(unit.length)
    if (unit === '') return { error: `time: missing unit in duration ${goQuote(orig)}` }
    const scale = UNITS[unit]
    if (scale === undefined) return { error: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}` }
    // leadingInt: more than 1<<63 is an overflow.
    const v = BigInt(intPart === '' ? '0' : intPart)
    if (v > LIMIT || v > LIMIT / scale) return invalid
    let part = v * scale
    if (frac !== '') {
      // leadingFraction keeps the digits until the next would overflow, and the sum is made in float64:
      // "0.3333333333333333333h" is 1h20m0s exactly, as in Go.
      let f = 0n
      let fscale = 1
      let overflow = false
      for (const digit of frac) {
        const y = f * 10n + BigInt(digit)
        if (overflow || f > MAX_INT64 / 10n || y > LIMIT) {
          overflow = true
          continue
        }
        f = y
        fscale *= 10
      }
      part += BigInt(Math.trunc(Number(f) * (Number(scale) / fscale)))
      if (part > LIMIT) return invalid
    }
    total += part
    if (total > LIMIT) return invalid
  }
  if (!neg && total > MAX_INT64) return invalid
  return { ns: neg ? -total : total }
}

/**
 * A pflag DurationVar's value as nanoseconds, or pflag's error for it (`invalid argument "x" for "--since" flag:
 * time: invalid duration "x"`; `shown` is "-s, --long" or "--long", as FlagSet.Set names the flag).
 */
export function durationFlag(value: string, shown: string): { ns: bigint } | { error: string } {
  const parsed = parseGoDuration(value)
  if ('ns' in parsed) return parsed
  return { error: `invalid argument ${goQuote(value)} for "${shown}" flag: ${parsed.error}` }
}
