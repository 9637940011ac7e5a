// Go's time.Duration.String(), ported from src/time/time.go (Duration.format, fmtFrac, fmtInt). The kubelet
// and controllers format durations this way in event and status messages: "back-off 5m0s restarting ...",
// "Successfully pulled image ... in 1.2s". Nanoseconds are kept in a bigint so that no digit is rounded.

const NS_PER_US = 1000n
const NS_PER_MS = 1000_000n
const NS_PER_S = 1000_000_000n

/** "1m20s", "5m0s", "1.2s", "500ms", "0s" for a duration in (virtual) milliseconds. */
export function goDuration(ms: number): string {
  return goDurationNs(BigInt(Math.round(ms * 1e6)))
}

/** Duration.String() for a duration in nanoseconds, the unit Go stores. */
export function goDurationNs(ns: bigint): string {
  const neg = ns < 0n
  let u = neg ? -ns : ns
  let out: string

  if (u < NS_PER_S) {
    // Below a second Go switches to the largest unit that keeps an integer part: ns, µs or ms.
    if (u === 0n) return '0s'
    let prec: number
    let unit: string
    if (u < NS_PER_US) {
      prec = 0
      unit = 'ns'
    } else if (u < NS_PER_MS) {
      prec = 3
      unit = 'µs'
    } else {
      prec = 6
      unit = 'ms'
    }
    const [frac, whole] = fmtFrac(u, prec)
    out = `${whole}${frac}${unit}`
  } else {
    const [frac, wholeSeconds] = fmtFrac(u, 9)
    u = wholeSeconds
    out = `${u % 60n}${frac}s`
    u /= 60n
    if (u > 0n) {
      out = `${u % 60n}m${out}`
      u /= 60n
      // Go stops at hours because days can be of different lengths.
      if (u > 0n) out = `${u}h${out}`
    }
  }
  return neg ? `-${out}` : out
}

/** The fraction of v / 10**prec as ".123" without trailing zeros ("" when zero), and v / 10**prec. */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = ''
  let print = false
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n
    print = print || digit !== 0n
    if (print) digits = `${digit}${digits}`
    v /= 10n
  }
  return [print ? `.${digits}` : '', v]
}
