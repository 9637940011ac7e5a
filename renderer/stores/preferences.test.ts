import { describe, expect, it } from 'vitest'
import { parseTheme, parseZoom, resolveTheme, stepZoom, ZOOMS } from './preferences'

describe('theme', () => {
  it('a saved choice is kept; nothing or junk follows the system', () => {
    expect(parseTheme('dark')).toBe('dark')
    expect(parseTheme('light')).toBe('light')
    expect(parseTheme(null)).toBe('system')
    expect(parseTheme('purple')).toBe('system')
  })

  it('system resolves by prefers-color-scheme; an explicit choice wins over it', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })
})

describe('presenter zoom', () => {
  it('reads only the offered steps', () => {
    expect(parseZoom('1.5')).toBe(1.5)
    expect(parseZoom('3')).toBe(1)
    expect(parseZoom(null)).toBe(1)
  })

  it('steps up and down and stops at both ends', () => {
    expect(stepZoom(1, 1)).toBe(1.25)
    expect(stepZoom(1.25, -1)).toBe(1)
    expect(stepZoom(1, -1)).toBe(1)
    expect(stepZoom(ZOOMS[ZOOMS.length - 1]!, 1)).toBe(ZOOMS[ZOOMS.length - 1])
  })
})
