// strftime(3) in the C locale and UTC (a container has no TZ and no locale unless set): what `date +FORMAT`
// and the daemons' log timestamps print.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const two = (n: number): string => String(n).padStart(2, '0')

/** `format` expanded for the instant `ms` (virtual ms since the epoch), in UTC. Unknown conversions stay as written. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms)
  const year = d.getUTCFullYear()
  const startOfYear = Date.UTC(year, 0, 1)
  const yday = Math.floor((ms - startOfYear) / 86_400_000)
  const hour12 = d.getUTCHours() % 12 || 12
  const conv: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()]!.slice(0, 3),
    A: () => DAYS[d.getUTCDay()]!,
    b: () => MONTHS[d.getUTCMonth()]!.slice(0, 3),
    h: () => MONTHS[d.getUTCMonth()]!.slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()]!,
    c: () => strftime('%a %b %e %H:%M:%S %Y', ms),
    C: () => two(Math.floor(year / 100)),
    d: () => two(d.getUTCDate()),
    D: () => strftime('%m/%d/%y', ms),
    e: () => String(d.getUTCDate()).padStart(2),
    F: () => strftime('%Y-%m-%d', ms),
    H: () => two(d.getUTCHours()),
    I: () => two(hour12),
    j: () => String(yday + 1).padStart(3, '0'),
    k: () => String(d.getUTCHours()).padStart(2),
    l: () => String(hour12).padStart(2),
    m: () => two(d.getUTCMonth() + 1),
    M: () => two(d.getUTCMinutes()),
    n: () => '\n',
    N: () => String((((ms % 1000) + 1000) % 1000) * 1_000_000).padStart(9, '0'),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    P: () => (d.getUTCHours() < 12 ? 'am' : 'pm'),
    r: () => strftime('%I:%M:%S %p', ms),
    R: () => strftime('%H:%M', ms),
    s: () => String(Math.floor(ms / 1000)),
    S: () => two(d.getUTCSeconds()),
    t: () => '\t',
    T: () => strftime('%H:%M:%S', ms),
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    x: () => strftime('%m/%d/%y', ms),
    X: () => strftime('%H:%M:%S', ms),
    y: () => two(year % 100),
    Y: () => String(year),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  }
  return format.replace(/%(.)/gs, (all, c: string) => conv[c]?.() ?? all)
}
