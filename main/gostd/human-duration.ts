// duration.HumanDuration from k8s.io/apimachinery pkg/util/duration/duration.go (v0.32), ported line by line.
// It formats every AGE cell, the RESTARTS "(25s ago)" suffix and event ages. Go truncates toward zero when it
// converts a Duration to an int, hence Math.trunc throughout.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** "2m30s", "3h", "2d5h", "<invalid>" for a duration given in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`

  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = Math.trunc(ms / SECOND) % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`

  const hours = Math.trunc(ms / HOUR)
  if (hours < 8) {
    const m = Math.trunc(ms / MINUTE) % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const years = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${years}y` : `${years}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/**
 * printers.go translateTimestampSince: "<unknown>" for an unset timestamp, else the age at `nowMs`.
 * Timestamps are RFC 3339 strings as stored on the object.
 */
export function timestampSince(timestamp: string | null | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>'
  const t = Date.parse(timestamp)
  if (Number.isNaN(t)) return '<unknown>'
  return humanDuration(nowMs - t)
}
