// xterm.js writes its theme and cell sizes into <style> elements it creates (DomRenderer, CharSizeService); the
// page's CSP (`style-src 'self'`, no 'unsafe-inline') blocks those, and the terminal would render unstyled. As
// with CodeMirror (ManifestEditor.vue), the terminal lives in a shadow root, whose adopted stylesheets CSP does not
// govern: this mirrors the text of every <style> element in the root into a constructed sheet the root adopts,
// as the text changes. The blocked elements stay in place, inert; the policy stays strict.

/** Keeps `root.adoptedStyleSheets` = `base` + one sheet per <style> element in the root; returns the stop function. */
export function adoptInlineStyles(root: ShadowRoot, base: CSSStyleSheet[]): () => void {
  const sheets = new WeakMap<HTMLStyleElement, { text: string; sheet: CSSStyleSheet }>()
  const sync = () => {
    const mirrored: CSSStyleSheet[] = []
    for (const element of root.querySelectorAll('style')) {
      const text = element.textContent ?? ''
      let entry = sheets.get(element)
      if (!entry) sheets.set(element, (entry = { text: '', sheet: new CSSStyleSheet() }))
      if (entry.text !== text) {
        entry.sheet.replaceSync(text)
        entry.text = text
      }
      mirrored.push(entry.sheet)
    }
    root.adoptedStyleSheets = [...base, ...mirrored]
  }
  const observer = new MutationObserver(sync)
  observer.observe(root, { subtree: true, childList: true, characterData: true })
  sync()
  return () => observer.disconnect()
}
