// Behaviour of github.com/liggitt/tabwriter (Go text/tabwriter semantics + RememberWidths) with kubectl's
// settings from cli-runtime pkg/printers/tabwriter.go: minwidth 6, tabwidth 4, padding 3, pad ' '.
import { describe, expect, it } from 'vitest'
import { Tabwriter } from './tabwriter'

function run(text: string): string {
  const w = new Tabwriter()
  w.write(text)
  return w.flush()
}

describe('Tabwriter', () => {
  it('pads each column to its widest cell + 3, at least 6, and never pads the last cell', () => {
    expect(run('NAME\tAGE\nhello-world\t5s\n')).toBe('NAME          AGE\nhello-world   5s\n')
    expect(run('A\tB\nx\ty\n')).toBe('A     B\nx     y\n')
  })
  it('counts width in code points, not UTF-16 units or bytes', () => {
    expect(run('ä€😀\tx\nab\ty\n')).toBe('ä€😀   x\nab    y\n')
    expect(run('ä€😀ab\tx\n')).toBe('ä€😀ab   x\n')
  })
  it('treats a column as a block of consecutive lines (elastic tabstops)', () => {
    // Go text/tabwriter doc example: the b and c cells are in distinct columns.
    expect(run('aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n')).toBe(
      'aaaa   bbb   d\naa     b     dd\na      \naa     cccc   eee\n',
    )
  })
  it('remembers widths across flushes (RememberWidths)', () => {
    const w = new Tabwriter()
    w.write('long-name-here\tx\n')
    const first = w.flush()
    w.write('a\tb\n')
    expect(first + w.flush()).toBe('long-name-here   x\na                b\n')
  })
  it('forgets remembered widths when told to (get.go SetRememberedWidths(nil))', () => {
    const w = new Tabwriter()
    w.write('long-name-here\tx\n')
    w.flush()
    w.setRememberedWidths(null)
    w.write('a\tb\n')
    expect(w.flush()).toBe('a     b\n')
  })
  it('flushes early after a line with a single cell', () => {
    const w = new Tabwriter()
    w.write('one cell\nx\ty\n')
    expect(w.flush()).toBe('one cell\nx     y\n')
  })
})
