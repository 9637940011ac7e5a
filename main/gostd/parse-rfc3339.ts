// Go's time.Parse for the one layout RFC3339 ("2006-01-02T15:04:05Z07:00"), ported from src/time/format.go
// (parse, skip, getnum, atoi, parseNanoseconds, ParseError.Error): what `kubectl logs --since-time` accepts
// (kubectl's util.ParseRFC3339 tries RFC3339Nano, then RFC3339, and reports RFC3339's error) and its errors:
// `parsing time "2025-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"`, `... : month out of range`,
// `... : extra text: "junk"`. Fractional seconds after the seconds are accepted, as Go accepts them.

import { goQuote } from './gofmt'

const LAYOUT = '2006-01-02T15:04:05Z07:00'
/** The layout's chunks: the literal before each element, and the element. */
const CHUNKS: Array<[string, string]> = [
  ['', '2006'],
  ['-', '01'],
  ['-', '02'],
  ['T', '15'],
  [':', '04'],
  [':', '05'],
  ['', 'Z07:00'],
]

const isDigit = (s: string, i: number) => i < s.length && s[i]! >= '0' && s[i]! <= '9'

/** getnum: one or two leading digits (exactly two when `fixed`), or undefined (errBad). */
function getnum(s: string, fixed: boolean): { n: number; rest: string } | undefined {
  if (!isDigit(s, 0)) return undefined
  if (!isDigit(s, 1)) return fixed ? undefined : { n: Number(s[0]), rest: s.slice(1) }
  return { n: Number(s.slice(0, 2)), rest: s.slice(2) }
}

const daysIn = (month: number, year: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** The instant (ms since the epoch, UTC) `value` names, or Go's ParseError text. */
export function parseRfc3339(orig: string): { ms: number } | { error: string } {
  const bad = (value: string, elem: string) => ({ error: `parsing time ${goQuote(orig)} as ${goQuote(LAYOUT)}: cannot parse ${goQuote(value)} as ${goQuote(elem)}` })
  const outOfRange = (what: string) => ({ error: `parsing time ${goQuote(orig)}: ${what} out of range` })
  let value = orig
  let year = 0
  let month = 0
  let day = 0
  let hour = 0
  let min = 0
  let sec = 0
  let nsec = 0
  let offsetSeconds = 0
  for (const [prefix, std] of CHUNKS) {
    // skip: the literal must be there.
    if (!value.startsWith(prefix)) return bad(value, prefix)
    value = value.slice(prefix.length)
    const hold = value
    if (std === '2006') {
      const m = /^[+-]?\d+$/.exec(value.slice(0, 4))
      if (value.length < 4 || !m) return bad(hold, std)
      year = Number(value.slice(0, 4))
      value = value.slice(4)
    } else if (std === '01' || std === '02' || std === '04' || std === '05' || std === '15') {
      const got = getnum(value, std !== '15')
      if (!got) return bad(hold, std)
      value = got.rest
      if (std === '01') {
        month = got.n
        if (month <= 0 || month > 12) return outOfRange('month')
      } else if (std === '02') day = got.n
      else if (std === '15') {
        hour = got.n
        if (hour >= 24) return outOfRange('hour')
      } else if (std === '04') {
        min = got.n
        if (min >= 60) return outOfRange('minute')
      } else {
        sec = got.n
        if (sec >= 60) return outOfRange('second')
        // A fractional second the layout does not name is still read (up to nine digits count).
        if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigit(value, 1)) {
          let n = 2
          while (isDigit(value, n)) n++
          nsec = Number(`${value.slice(1, Math.min(n, 10))}`.padEnd(9, '0'))
          value = value.slice(n)
        }
      }
    } else {
      // Z07:00: "Z", or ±hh:mm.
      if (value.startsWith('Z')) {
        value = value.slice(1)
        continue
      }
      if (value.length < 6 || value[3] !== ':') return bad(hold, std)
      const hr = getnum(value.slice(1, 3), true)
      const mm = getnum(value.slice(4, 6), true)
      if (!hr || !mm || (value[0] !== '+' && value[0] !== '-')) return bad(hold, std)
      if (hr.n > 24) return outOfRange('time zone offset hour')
      if (mm.n > 60) return outOfRange('time zone offset minute')
      offsetSeconds = (value[0] === '-' ? -1 : 1) * (hr.n * 3600 + mm.n * 60)
      value = value.slice(6)
    }
  }
  if (value.length > 0) return { error: `parsing time ${goQuote(orig)}: extra text: ${goQuote(value)}` }
  if (day < 1 || day > daysIn(month, year)) return outOfRange('day')
  const utc = new Date(0)
  utc.setUTCFullYear(year, month - 1, day)
  utc.setUTCHours(hour, min, sec, 0)
  return { ms: utc.getTime() + Math.floor(nsec / 1e6) - offsetSeconds * 1000 }
}
