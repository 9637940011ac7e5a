// github.com/liggitt/tabwriter (Go's text/tabwriter plus RememberWidths), the writer kubectl prints every table
// through, ported for the flags cli-runtime uses: no HTML filtering, no escapes, no AlignRight or Debug.
// Cells are tab-terminated; the text after a line's last tab is not part of a column and is never padded,
// which is why kubectl's last column has no trailing spaces.

export interface TabwriterOptions {
  minwidth: number
  tabwidth: number
  padding: number
  padchar: string
  /** Keep each column's widest width across Flush calls (liggitt's RememberWidths). */
  rememberWidths: boolean
}

/** cli-runtime pkg/printers/tabwriter.go: minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths. */
export const KUBECTL_TABWRITER: TabwriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', rememberWidths: true }

interface Cell {
  text: string
  /** Width in runes (Go's utf8.RuneCount), i.e. code points. */
  width: number
  htab: boolean
}

/** utf8.RuneCount of the string's UTF-8: its code points (a surrogate pair is one), without an array per cell. */
function runeCount(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1)
      if (before >= 0xd800 && before <= 0xdbff) n--
    }
  }
  return n
}

export class Tabwriter {
  private out = ''
  private lines: Cell[][] = [[]]
  private cell = ''
  private widths: number[] = []
  private maxwidths: number[] = []

  constructor(private readonly opts: TabwriterOptions = KUBECTL_TABWRITER) {}

  write(text: string): void {
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue
      this.cell += text.slice(start, i)
      start = i + 1
      const ncells = this.terminateCell(ch === '\t')
      if (ch === '\n' || ch === '\f') {
        this.lines.push([])
        // A line of one cell cannot affect the alignment of later lines, so Go flushes there.
        if (ch === '\f' || ncells === 1) this.formatBuffered()
      }
    }
    this.cell += text.slice(start)
  }

  /** Go's Flush: formats everything buffered. Returns all output produced so far and clears it. */
  flush(): string {
    this.formatBuffered()
    const out = this.out
    this.out = ''
    return out
  }

  private formatBuffered(): void {
    if (this.cell.length > 0) this.terminateCell(false)
    this.format(0, this.lines.length)
    this.lines = [[]]
    this.cell = ''
    this.widths = []
  }

  setRememberedWidths(widths: number[] | null): void {
    this.maxwidths = widths ? [...widths] : []
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!
    line.push({ text: this.cell, width: runeCount(this.cell), htab })
    this.cell = ''
    return line.length
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length
    for (let row = line0; row < line1; row++) {
      if (column >= this.lines[row]!.length - 1) continue
      // This line has a cell in this column: print the lines above it, then size the column over the block
      // of consecutive lines that have it.
      this.writeLines(line0, row)
      line0 = row
      let width = this.opts.minwidth
      for (; row < line1; row++) {
        const line = this.lines[row]!
        if (column >= line.length - 1) break
        width = Math.max(width, line[column]!.width + this.opts.padding)
      }
      if (this.opts.rememberWidths) {
        if (this.maxwidths.length < this.widths.length) this.maxwidths.push(...this.widths.slice(this.maxwidths.length))
        if (this.maxwidths.length === this.widths.length) this.maxwidths.push(width)
        else if (this.maxwidths[this.widths.length]! > width) width = this.maxwidths[this.widths.length]!
        else this.maxwidths[this.widths.length] = width
      }
      this.widths.push(width)
      this.format(line0, row)
      this.widths.pop()
      line0 = row
    }
    this.writeLines(line0, line1)
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!
      line.forEach((c, j) => {
        this.out += c.text
        if (j < this.widths.length) this.out += this.opts.padchar.repeat(this.widths[j]! - c.width)
      })
      // The last buffered line has no newline yet (its text is still being collected).
      if (i + 1 < this.lines.length) this.out += '\n'
    }
  }
}
