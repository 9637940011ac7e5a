// Go's time.ParseDuration (src/time/format.go), as pflag's DurationVar reads `--timeout`: an optional sign,
// then decimal numbers each with a unit (ns, us, µs, μs, ms, s, m, h); "0" alone needs none.

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 }

/** Milliseconds (fractions of a ms kept), or the error text Go gives: `time: invalid duration "x"`. */
export function parseGoDuration(text: string): { ms: number } | { error: string } {
  const quoted = `"${text}"`
  let s = text
  let sign = 1
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1
    s = s.slice(1)
  }
  if (s === '0') return { ms: 0 }
  if (s === '') return { error: `time: invalid duration ${quoted}` }
  let totalNs = 0
  const part = /(\d*)(?:\.(\d*))?([^\d.]*)/y
  while (s !== '') {
    part.lastIndex = 0
    const m = part.exec(s)
    if (!m || m[0] === '' || (m[1] === '' && (m[2] ?? '') === '')) return { error: `time: invalid duration ${quoted}` }
    const unit = m[3] ?? ''
    if (unit === '') return { error: `time: missing unit in duration ${quoted}` }
    const perUnit = UNIT_NS[unit]
    if (perUnit === undefined) return { error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` }
    totalNs += Number(`${m[1] || '0'}.${m[2] ?? ''}0`) * perUnit
    s = s.slice(m[0].length)
  }
  return { ms: (sign * totalNs) / 1e6 }
}
