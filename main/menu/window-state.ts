// Issue 11 item 9: the window's size, position and maximized state, remembered in the user-data folder and
// restored only where a display can show it: a window saved on a second monitor that is gone since comes back
// on the primary display, at its size clamped to that display, rather than off screen.

/** A rectangle in screen coordinates (DIPs), as Electron's Rectangle. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

/** The window's size when nothing is remembered (main/window.ts's default), in DIPs. */
export const DEFAULT_SIZE = { width: 1280, height: 820 }
/** main/window.ts's minimum size, in DIPs. */
export const MIN_SIZE = { width: 800, height: 560 }
/** How much of the title bar must be on a display for the window to be reachable there, in DIPs. */
const GRIP = { width: 120, height: 32 }

const isRect = (v: unknown): v is Rect =>
  typeof v === 'object' && v !== null && ['x', 'y', 'width', 'height'].every((k) => Number.isSafeInteger((v as Record<string, unknown>)[k]))

/** The state in a window-state.json's text, or undefined when it is not one Podlab writes (then: defaults). */
export function parseWindowState(text: string): WindowState | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const { bounds, maximized } = value as Record<string, unknown>
  if (!isRect(bounds) || typeof maximized !== 'boolean' || bounds.width <= 0 || bounds.height <= 0) return undefined
  return { bounds, maximized }
}

function overlap(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined
}

/** `size` no larger than `area`, and no smaller than MIN_SIZE unless the area itself is. */
function clampSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.min(Math.max(width, MIN_SIZE.width), area.width),
    height: Math.min(Math.max(height, MIN_SIZE.height), area.height),
  }
}

/** Centred in `area`. */
function centred(size: { width: number; height: number }, area: Rect): Rect {
  return { x: area.x + Math.round((area.width - size.width) / 2), y: area.y + Math.round((area.height - size.height) / 2), ...size }
}

/**
 * Where to open the window: the saved bounds when the top of the window (its title bar, GRIP wide) lies on one
 * of `workAreas` (each display's work area; the primary first), its size clamped to that display; else the
 * saved size (or the default) clamped to and centred on the primary display. `maximized` is kept either way.
 */
export function restoreWindowState(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE }
  if (saved) {
    const titleBar: Rect = { x: saved.bounds.x, y: saved.bounds.y, width: saved.bounds.width, height: GRIP.height }
    const home = workAreas.find((area) => {
      const seen = overlap(titleBar, area)
      return seen !== undefined && seen.width >= Math.min(GRIP.width, titleBar.width) && seen.height >= GRIP.height / 2
    })
    if (home) {
      const size = clampSize(saved.bounds.width, saved.bounds.height, home)
      // Pulled back inside the display when it sticks out (a window taller than the display it is moved to).
      const x = Math.min(Math.max(saved.bounds.x, home.x), home.x + home.width - size.width)
      const y = Math.min(Math.max(saved.bounds.y, home.y), home.y + home.height - size.height)
      return { bounds: { x, y, ...size }, maximized: saved.maximized }
    }
  }
  const size = clampSize(saved?.bounds.width ?? DEFAULT_SIZE.width, saved?.bounds.height ?? DEFAULT_SIZE.height, primary)
  return { bounds: centred(size, primary), maximized: saved?.maximized ?? false }
}
