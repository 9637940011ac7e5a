// How the header shows the virtual time. The engine's clock is UTC (RFC 3339, as Kubernetes writes
// timestamps), so the header shows UTC too: the time a learner sees matches creationTimestamp and events.

export interface ClockText {
  /** `09:05:07`, 24-hour. */
  time: string
  /** The date in the UI language: `Wed, Jan 1, 2025` / `2025년 1월 1일 (수)`. */
  date: string
}

export function formatClock(nowMs: number, locale: string): ClockText {
  const at = new Date(nowMs)
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at)
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(at)
  return { time, date }
}

/** `0.25x`, `1x`, `100x` as the speed selector labels them. */
export function formatSpeed(speed: number): string {
  return `${speed}x`
}
