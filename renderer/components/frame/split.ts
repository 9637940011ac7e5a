// The arithmetic of a two-pane splitter (SplitPane.vue), kept apart so that it is tested without a DOM.

/** Where the first pane ends, as a fraction of the container (0..1), kept between the two panes' minimums. */
export function clampFraction(fraction: number, containerPx: number, minPx: number): number {
  if (!(containerPx > 0)) return Math.min(1, Math.max(0, fraction))
  const min = Math.min(0.5, minPx / containerPx)
  return Math.min(1 - min, Math.max(min, fraction))
}

/** The fraction under a pointer at `pointerPx` (client coordinate) in a container starting at `startPx`. */
export function fractionAt(pointerPx: number, startPx: number, containerPx: number): number {
  return containerPx > 0 ? (pointerPx - startPx) / containerPx : 0.5
}

/**
 * The WAI-ARIA window splitter's keys (https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/): the arrows of
 * the splitter's axis move it by `step` (Shift: 5 steps), Home and End to either end. Returns null for other keys.
 */
export function fractionForKey(key: string, shift: boolean, fraction: number, axis: 'columns' | 'rows', step = 0.02): number | null {
  const by = shift ? step * 5 : step
  const back = axis === 'columns' ? 'ArrowLeft' : 'ArrowUp'
  const forward = axis === 'columns' ? 'ArrowRight' : 'ArrowDown'
  if (key === back) return fraction - by
  if (key === forward) return fraction + by
  if (key === 'Home') return 0
  if (key === 'End') return 1
  return null
}

/** A saved fraction, or `fallback` when none (or junk) was saved. */
export function parseFraction(saved: string | null, fallback: number): number {
  const value = saved === null ? NaN : Number(saved)
  return Number.isFinite(value) && value > 0 && value < 1 ? value : fallback
}
