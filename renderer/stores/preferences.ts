// How the learner wants the app to look: the theme (the system's, light or dark) and the presenter zoom. Both are
// remembered in localStorage and applied to <html> (data-theme, the --zoom custom property through the CSSOM, which
// the strict CSP allows), where styles/tokens.css picks them up.

import { defineStore } from 'pinia'
import { computed, ref, watchEffect } from 'vue'

export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEMES)[number]

/** Presenter zoom steps (1 = 14px text); 2 reads from the back of a classroom on a 1080p projector. */
export const ZOOMS = [1, 1.25, 1.5, 1.75, 2] as const
export type Zoom = (typeof ZOOMS)[number]

const THEME_KEY = 'podlab.theme'
const ZOOM_KEY = 'podlab.zoom'

export function parseTheme(saved: string | null): ThemeChoice {
  return (THEMES as readonly string[]).includes(saved ?? '') ? (saved as ThemeChoice) : 'system'
}

export function parseZoom(saved: string | null): Zoom {
  const value = Number(saved)
  return (ZOOMS as readonly number[]).includes(value) ? (value as Zoom) : 1
}

/** The next zoom step up (+1) or down (-1), staying within ZOOMS. */
export function stepZoom(zoom: Zoom, direction: 1 | -1): Zoom {
  const i = ZOOMS.indexOf(zoom) + direction
  return ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, i))]!
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice
}

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value)
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
}

export const usePreferencesStore = defineStore('preferences', () => {
  const theme = ref<ThemeChoice>(parseTheme(read(THEME_KEY)))
  const zoom = ref<Zoom>(parseZoom(read(ZOOM_KEY)))
  const query = globalThis.matchMedia?.('(prefers-color-scheme: dark)')
  const systemDark = ref(query?.matches ?? false)
  query?.addEventListener('change', (event) => (systemDark.value = event.matches))

  const resolvedTheme = computed(() => resolveTheme(theme.value, systemDark.value))

  watchEffect(() => {
    const root = globalThis.document?.documentElement
    if (!root) return
    root.dataset.theme = resolvedTheme.value
    root.style.setProperty('--zoom', String(zoom.value))
  })

  function setTheme(next: ThemeChoice): void {
    theme.value = next
    write(THEME_KEY, next)
  }

  /** Flips between light and dark (the `t` shortcut): from `system`, to the opposite of what shows now. */
  function toggleTheme(): void {
    setTheme(resolvedTheme.value === 'dark' ? 'light' : 'dark')
  }

  function setZoom(next: Zoom): void {
    zoom.value = next
    write(ZOOM_KEY, String(next))
  }

  return { theme, zoom, resolvedTheme, setTheme, toggleTheme, setZoom, zoomIn: () => setZoom(stepZoom(zoom.value, 1)), zoomOut: () => setZoom(stepZoom(zoom.value, -1)) }
})
