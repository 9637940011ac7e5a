// xterm.js writes its theme and cell sizes into <style> elements it creates (DomRenderer, Viewport); the page's
// CSP (`style-src 'self'`, no 'unsafe-inline') blocks those, and the terminal would render unstyled. As with
// CodeMirror (ManifestEditor.vue), the terminal lives in a shadow root, whose adopted stylesheets CSP does not
// govern: the text of each such <style> element is mirrored into a constructed sheet the root adopts, as the text
// changes.
//
// The elements themselves never enter the document: `keepStylesDetached` runs xterm's open() (where it makes all
// three) with <style> insertions skipped, so xterm holds them detached and rewrites their text there. Once in the
// document, Chromium would check each against the CSP and log a violation every time its text changed (24 console
// errors on an ordinary page load before), although nothing is applied from them.

/** Mirrors `root.adoptedStyleSheets` = `base` + one sheet per watched <style> element (detached or in the root). */
export class AdoptedStyles {
  private readonly sheets = new Map<HTMLStyleElement, { text: string; sheet: CSSStyleSheet }>()
  private readonly observer = new MutationObserver(() => this.sync())

  constructor(
    private readonly root: ShadowRoot,
    private readonly base: CSSStyleSheet[],
  ) {
    this.observer.observe(root, { subtree: true, childList: true, characterData: true })
    this.sync()
  }

  /** Follows a <style> element kept out of the document: its text now and whenever it is rewritten. */
  watch(element: HTMLStyleElement): void {
    if (this.sheets.has(element)) return
    this.sheets.set(element, { text: '', sheet: new CSSStyleSheet() })
    this.observer.observe(element, { subtree: true, childList: true, characterData: true })
    this.sync()
  }

  stop(): void {
    this.observer.disconnect()
  }

  private sync(): void {
    for (const element of this.root.querySelectorAll('style')) {
      if (!this.sheets.has(element)) this.sheets.set(element, { text: '', sheet: new CSSStyleSheet() })
    }
    const mirrored: CSSStyleSheet[] = []
    for (const [element, entry] of this.sheets) {
      const text = element.textContent ?? ''
      if (entry.text !== text) {
        entry.sheet.replaceSync(text)
        entry.text = text
      }
      mirrored.push(entry.sheet)
    }
    this.root.adoptedStyleSheets = [...this.base, ...mirrored]
  }
}

/**
 * Runs `create` with every <style> element it appends (Node.appendChild) kept detached and handed to `styles`
 * instead; other nodes are appended as usual. The patch lasts for the synchronous call only.
 */
export function keepStylesDetached<T>(styles: AdoptedStyles, create: () => T): T {
  const append = Node.prototype.appendChild
  Node.prototype.appendChild = function <N extends Node>(this: Node, child: N): N {
    if (child instanceof HTMLStyleElement) {
      styles.watch(child)
      return child
    }
    return append.call(this, child) as N
  }
  try {
    return create()
  } finally {
    Node.prototype.appendChild = append
  }
}
