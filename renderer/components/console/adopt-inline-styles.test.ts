// @vitest-environment happy-dom
// xterm's <style> elements must never enter the document (the CSP would log a violation each time their text
// changes); their text must still style the terminal, through the shadow root's adopted sheets.
import { describe, expect, it } from 'vitest'
import { AdoptedStyles, keepStylesDetached } from './adopt-inline-styles'

function sheetText(sheet: CSSStyleSheet): string {
  return [...sheet.cssRules].map((rule) => rule.cssText).join('\n')
}

describe('keepStylesDetached', () => {
  it('keeps <style> elements appended during the call out of the document and mirrors their text as it changes', async () => {
    const host = document.createElement('div')
    document.body.appendChild(host)
    const root = host.attachShadow({ mode: 'open' })
    const base = new CSSStyleSheet()
    base.replaceSync('.frame { color: red; }')
    const styles = new AdoptedStyles(root, [base])
    const screen = document.createElement('div')
    root.appendChild(screen)

    const style = keepStylesDetached(styles, () => {
      const element = document.createElement('style')
      element.textContent = '.xterm-rows { width: 10px; }'
      screen.appendChild(element)
      screen.appendChild(document.createElement('span'))
      return element
    })
    expect(style.isConnected).toBe(false)
    expect(screen.querySelectorAll('span')).toHaveLength(1)
    expect(root.adoptedStyleSheets).toHaveLength(2)
    expect(root.adoptedStyleSheets[0]).toBe(base)
    expect(sheetText(root.adoptedStyleSheets[1]!)).toContain('10px')

    style.textContent = '.xterm-rows { width: 20px; }'
    await new Promise((done) => setTimeout(done, 0))
    expect(sheetText(root.adoptedStyleSheets[1]!)).toContain('20px')

    // Outside the call, appendChild is the browser's own again.
    const later = document.createElement('style')
    screen.appendChild(later)
    expect(later.isConnected).toBe(true)
    styles.stop()
    host.remove()
  })
})
