// Byte-for-byte checks of tableText against the real kubectl v1.32.5: each testdata/<case>.golden was recorded
// by scripts/golden/run.mjs from the Table in testdata/<table>.table.json (see testdata/cases.json).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Table } from '../../kube'
import { Tabwriter } from '../../gostd/tabwriter'
import { cellText, printTable, type TableTextOptions } from './table-text'

/** The text `kubectl get` prints for one Table (empty when the table has no rows), as cmd/get writes it. */
function tableText(table: Table, options: TableTextOptions = {}): string {
  const w = new Tabwriter()
  printTable(table, w, options)
  return w.flush()
}

const DIR = path.join(__dirname, 'testdata')
interface GoldenCase {
  name: string
  args: string[]
  table: string
}
const cases: GoldenCase[] = JSON.parse(fs.readFileSync(path.join(DIR, 'cases.json'), 'utf8'))
const read = (file: string) => fs.readFileSync(path.join(DIR, file), 'utf8')

describe('tableText matches real kubectl 1.32 (testdata/*.golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const table: Table = JSON.parse(read(`${c.table}.table.json`))
    const namespaced = !['nodes', 'no'].includes(c.args[1]!)
    const text = tableText(table, {
      wide: c.args.join(' ').includes('-o wide'),
      noHeaders: c.args.includes('--no-headers'),
      withNamespace: namespaced && (c.args.includes('-A') || c.args.includes('--all-namespaces')),
    })
    expect(text).toBe(read(`${c.name}.golden`))
  })
})

describe('cellText (cli-runtime tableprinter.go printTable + terminal.go)', () => {
  it.each<[string | number | boolean | null, string]>([
    ['plain', 'plain'],
    ['first\nsecond', 'first...'],
    ['a\fb', 'a...'],
    ['a\rb', 'a...'],
    ['\x1b[31mred', '^[[31mred'],
    [7, '7'],
    [true, 'true'],
    [null, ''],
  ])('%j -> %j', (cell, want) => expect(cellText(cell)).toBe(want))
})

describe('tableText options', () => {
  const table: Table = JSON.parse(read('single-running.table.json'))
  it('prints headers even with no data lines only when there are rows', () => {
    expect(tableText({ ...table, rows: [] })).toBe('')
  })
  it('ignores cells beyond the column definitions (issue 66379)', () => {
    const extra = { ...table, rows: [{ ...table.rows[0]!, cells: [...table.rows[0]!.cells, 'surplus'] }] }
    expect(tableText(extra, { wide: true })).not.toContain('surplus')
  })
})
