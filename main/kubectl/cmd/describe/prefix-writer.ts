// kubectl pkg/describe/describe.go (v0.32.5) PrefixWriter and tabbedString: every describer writes lines at an
// indentation level (two spaces a level) through one text/tabwriter (minwidth 0, tabwidth 8, padding 2, ' '),
// and Flush (DescribeEvents calls it) closes the column blocks so far, so the events table aligns on its own.

import { Tabwriter } from '../../../gostd/tabwriter'

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3

/** cli-runtime printers/terminal.go EscapeTerminal: what a describer prints cannot drive the terminal. */
function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r')
}

export class PrefixWriter {
  private readonly tw = new Tabwriter({ minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ', rememberWidths: false })
  private out = ''

  /** `raw`: the text as written, tabs kept (NewPrefixWriter over a plain buffer, as upstream's tests use it). */
  constructor(private readonly raw = false) {}

  /** prefixWriter.Write: `text` (already formatted) after `level` two-space indents. */
  write(level: number, text: string): void {
    this.put(escapeTerminal('  '.repeat(level) + text))
  }

  /** prefixWriter.WriteLine: fmt.Sprintln of the values (space-separated, a newline after). */
  writeLine(...values: string[]): void {
    this.put(escapeTerminal(`${values.join(' ')}\n`))
  }

  private put(text: string): void {
    if (this.raw) this.out += text
    else this.tw.write(text)
  }

  flush(): void {
    if (!this.raw) this.out += this.tw.flush()
  }

  /** tabbedString's end: everything written, aligned. */
  text(): string {
    this.flush()
    return this.out
  }
}

/** describe.go tabbedString: runs `f` on a fresh writer and returns its aligned text. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter()
  f(w)
  return w.text()
}
