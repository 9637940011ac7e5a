// The cluster timeline's horizontal axis: which span of virtual time the canvas shows, zoomed and panned, and
// where its ticks go. Pure; times in virtual ms, positions in CSS px.

/** The visible span: `start` ms at x = 0, `msPerPx` ms per CSS pixel. */
export interface TimeView {
  start: number
  msPerPx: number
}

/** Closest zoom: 10 ms a pixel (a probe's period spans pixels); farthest: a day across 100 px. */
export const MIN_MS_PER_PX = 10
export const MAX_MS_PER_PX = (24 * 3600 * 1000) / 100

export const xOf = (view: TimeView, ms: number): number => (ms - view.start) / view.msPerPx
export const msAt = (view: TimeView, x: number): number => view.start + x * view.msPerPx

/** A view showing [fromMs, toMs] across `width` px (a little room after `toMs` for the "now" cursor). */
export function fitView(fromMs: number, toMs: number, width: number): TimeView {
  const span = Math.max(1_000, toMs - fromMs)
  const msPerPx = clampScale((span * 1.04) / Math.max(1, width))
  return { start: fromMs, msPerPx }
}

function clampScale(msPerPx: number): number {
  return Math.min(MAX_MS_PER_PX, Math.max(MIN_MS_PER_PX, msPerPx))
}

/** Zooms by `factor` (> 1 zooms in) keeping the time under `x` where it is. */
export function zoomAt(view: TimeView, x: number, factor: number): TimeView {
  const at = msAt(view, x)
  const msPerPx = clampScale(view.msPerPx / factor)
  return { start: at - x * msPerPx, msPerPx }
}

/** Moves the view `dx` px to the right (the content moves left). */
export function panBy(view: TimeView, dx: number): TimeView {
  return { start: view.start + dx * view.msPerPx, msPerPx: view.msPerPx }
}

/** A view of the same scale with `ms` at `x`. */
export function centreOn(view: TimeView, ms: number, x: number): TimeView {
  return { start: ms - x * view.msPerPx, msPerPx: view.msPerPx }
}

const STEPS_MS = [1, 2, 5, 10, 15, 30].map((s) => s * 1000).concat([1, 2, 5, 10, 15, 30].map((m) => m * 60_000), [1, 2, 3, 6, 12, 24].map((h) => h * 3_600_000))

/** The tick times in [start, start + width px]: the smallest step that leaves at least `minGapPx` between ticks. */
export function ticks(view: TimeView, width: number, minGapPx = 90): { stepMs: number; times: number[] } {
  const stepMs = STEPS_MS.find((s) => s / view.msPerPx >= minGapPx) ?? (STEPS_MS[STEPS_MS.length - 1] as number)
  const end = msAt(view, width)
  const times: number[] = []
  for (let t = Math.ceil(view.start / stepMs) * stepMs; t <= end && times.length < 1000; t += stepMs) times.push(t)
  return { stepMs, times }
}

/** A tick's text: `09:05:30` (UTC, as the header's clock), with the date where a day starts. */
export function tickLabel(ms: number): string {
  const iso = new Date(ms).toISOString()
  return iso.slice(11, 19)
}
