import { describe, expect, it } from 'vitest'
import { centreOn, fitView, MAX_MS_PER_PX, MIN_MS_PER_PX, msAt, panBy, ticks, tickLabel, xOf, zoomAt } from './time-axis'

describe('the time axis', () => {
  it('fits a span into the width with a little room for the now cursor', () => {
    const view = fitView(0, 100_000, 1000)
    expect(view.start).toBe(0)
    expect(xOf(view, 100_000)).toBeCloseTo(1000 / 1.04)
  })

  it('zooms around the pointer: the time under it stays under it', () => {
    const view = { start: 1_000_000, msPerPx: 100 }
    const zoomed = zoomAt(view, 300, 2)
    expect(zoomed.msPerPx).toBe(50)
    expect(msAt(zoomed, 300)).toBe(msAt(view, 300))
  })

  it('stops zooming at 10 ms a pixel and at a day across 100 px', () => {
    expect(zoomAt({ start: 0, msPerPx: 12 }, 0, 100).msPerPx).toBe(MIN_MS_PER_PX)
    expect(zoomAt({ start: 0, msPerPx: MAX_MS_PER_PX }, 0, 0.01).msPerPx).toBe(MAX_MS_PER_PX)
  })

  it('pans by pixels and centres a time at a given x', () => {
    expect(panBy({ start: 0, msPerPx: 10 }, 50)).toEqual({ start: 500, msPerPx: 10 })
    expect(xOf(centreOn({ start: 0, msPerPx: 10 }, 9_000, 400), 9_000)).toBe(400)
  })

  it('puts ticks on round times at least the minimum gap apart', () => {
    const { stepMs, times } = ticks({ start: 1_000, msPerPx: 100 }, 1000, 90)
    expect(stepMs).toBe(10_000)
    expect(times).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000])
    expect(tickLabel(Date.UTC(2025, 0, 1, 9, 5, 30))).toBe('09:05:30')
  })
})
