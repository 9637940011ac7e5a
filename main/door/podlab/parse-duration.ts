// Durations as people type them after `podlab advance`: Go's time.ParseDuration syntax ("30s", "5m",
// "1h30m", "1.5s", "500ms"), the same syntax kubectl's own duration flags take.

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Milliseconds, or an Error with the sentence to print. */
export function parseDuration(text: string): number | Error {
  const input = text.trim()
  if (input === '0') return 0
  // Go's syntax allows a sign ("-5s"); the virtual clock never goes back, so say that rather than "invalid".
  if (/^-/.test(input) && parseDuration(input.slice(1)) !== 0 && !(parseDuration(input.slice(1)) instanceof Error)) {
    return new Error(`the clock only goes forward: "${text}" would move it back; give a positive duration, such as 30s`)
  }
  if (/^\+[^+-]/.test(input)) return parseDuration(input.slice(1))
  const part = /(\d+(?:\.\d*)?|\.\d+)(ms|h|m|s)/y
  let total = 0
  let at = 0
  while (at < input.length) {
    part.lastIndex = at
    const m = part.exec(input)
    if (!m) return new Error(`invalid duration "${text}": use a number with a unit, such as 30s, 5m or 1h30m`)
    total += Number(m[1]) * (UNITS[m[2] as string] as number)
    at = part.lastIndex
  }
  if (input.length === 0) return new Error('a duration is required, such as 30s, 5m or 1h30m')
  return total
}
