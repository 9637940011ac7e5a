// Virtual times as the history and the cluster timeline show them: UTC, as the header's clock and Kubernetes'
// timestamps are, and spans as kubectl writes ages (`45s`, `2m10s`, `1h5m`).

/** `09:05:07` (UTC). */
export function timeOfDay(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19)
}

/** `2025-01-01T09:05:07.250Z`: the whole instant, for a tooltip. */
export function instant(ms: number): string {
  return new Date(ms).toISOString()
}

/** A span of ms as `850ms`, `45s`, `2m10s`, `1h5m` (kubectl's duration.HumanDuration keeps two units). */
export function span(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`
  const s = Math.floor(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`
  const h = Math.floor(m / 60)
  return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`
}
