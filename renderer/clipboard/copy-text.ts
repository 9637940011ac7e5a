// Copying a text to the clipboard from a click. The async Clipboard API first; the desktop app refuses every
// permission (main/window.ts), clipboard-sanitized-write included, so there it rejects and the selection of a
// hidden textarea copied with execCommand('copy') (allowed during a click, no permission asked) does it.

/** Copies `text`; true when it reached the clipboard. Call it from a user's click. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return copyBySelection(text, doc)
  }
}

function copyBySelection(text: string, doc: Document): boolean {
  const area = doc.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  doc.body.appendChild(area)
  area.select()
  try {
    return doc.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}
