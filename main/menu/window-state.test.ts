import { describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, restoreWindowState, type Rect } from './window-state'

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }

describe('restoreWindowState', () => {
  it('restores the saved bounds and maximized state on the display that shows them', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: true }
    expect(restoreWindowState(saved, [primary, right])).toEqual(saved)
  })

  it('brings a window saved on a monitor that is gone back onto the primary display, centred', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: false }
    expect(restoreWindowState(saved, [primary])).toEqual({ bounds: { x: 260, y: 70, width: 1400, height: 900 }, maximized: false })
  })

  it('does not trust a window whose title bar is above every display (it could not be dragged back)', () => {
    const saved = { bounds: { x: 100, y: -500, width: 1000, height: 800 }, maximized: false }
    expect(restoreWindowState(saved, [primary]).bounds).toEqual({ x: 460, y: 120, width: 1000, height: 800 })
  })

  it('clamps a window bigger than its display to the display, pulled inside it', () => {
    const saved = { bounds: { x: 1500, y: 10, width: 3000, height: 2000 }, maximized: false }
    expect(restoreWindowState(saved, [primary]).bounds).toEqual(primary)
  })

  it('keeps the minimum size, and opens at the default size centred when nothing was saved', () => {
    expect(restoreWindowState({ bounds: { x: 10, y: 10, width: 100, height: 100 }, maximized: false }, [primary]).bounds).toEqual({ x: 10, y: 10, ...MIN_SIZE })
    expect(restoreWindowState(undefined, [primary])).toEqual({
      bounds: { x: (1920 - DEFAULT_SIZE.width) / 2, y: (1040 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE },
      maximized: false,
    })
  })
})

describe('parseWindowState', () => {
  it('reads what Podlab writes and nothing else', () => {
    const state = { bounds: { x: -10, y: 20, width: 900, height: 700 }, maximized: false }
    expect(parseWindowState(JSON.stringify(state))).toEqual(state)
    expect(parseWindowState('not json')).toBeUndefined()
    expect(parseWindowState(JSON.stringify({ bounds: { x: 0, y: 0, width: 0, height: 700 }, maximized: false }))).toBeUndefined()
    expect(parseWindowState(JSON.stringify({ bounds: { x: 0.5, y: 0, width: 900, height: 700 }, maximized: false }))).toBeUndefined()
    expect(parseWindowState(JSON.stringify({ bounds: state.bounds, maximized: 'yes' }))).toBeUndefined()
  })
})
