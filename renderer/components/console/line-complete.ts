// Whether what the user typed is a whole command line, or Enter should start another line of it (bash's PS2):
// an open heredoc (`cat <<EOF | kubectl apply -f -` until a line `EOF`), an open quote, or a line ending with
// `\`, `|`, `&&` or `||`. Decided in the page, at each Enter, without asking the engine.

/** The heredoc delimiters opened in `text` and not yet closed by a line of their own. */
function openHeredocs(text: string): string[] {
  const lines = text.split('\n')
  const pending: Array<{ word: string; tabs: boolean }> = []
  for (const line of lines) {
    const waiting = pending[0]
    if (waiting) {
      const body = waiting.tabs ? line.replace(/^\t+/, '') : line
      if (body === waiting.word) pending.shift()
      continue
    }
    // `<<` not inside quotes: good enough for what tutorials paste (a `<<` in a quoted word is rare).
    for (const m of line.matchAll(/<<(-?)\s*(['"]?)([A-Za-z0-9_.-]+)\2/g)) {
      if (line.slice(0, m.index).endsWith('<')) continue
      pending.push({ word: m[3]!, tabs: m[1] === '-' })
    }
  }
  return pending.map((p) => p.word)
}

/** An unclosed ' or " outside a heredoc body (a ' inside "..." does not count, nor a \" ). */
function openQuote(text: string): boolean {
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote === "'") {
      if (c === "'") quote = undefined
    } else if (c === '\\') i++
    else if (quote === '"') {
      if (c === '"') quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === '<' && text[i + 1] === '<') return false
  }
  return quote !== undefined
}

/** True when Enter should run `text`; false when it should add a line to it. */
export function isCompleteLine(text: string): boolean {
  if (openHeredocs(text).length > 0) return false
  if (openQuote(text)) return false
  const end = text.trimEnd()
  return !(end.endsWith('\\') || end.endsWith('|') || end.endsWith('&&'))
}
