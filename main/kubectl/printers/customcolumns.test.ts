// kubectl pkg/cmd/get/customcolumn_test.go (v0.32.5), the parts about specs and layout: relaxed JSONPath,
// spec and template parsing with their errors, and rows with `<none>` and comma-joined values.
import { describe, expect, it } from 'vitest'
import { columnsFromSpec, columnsFromTemplate, customColumnsPrinter, relaxedJsonPathExpression } from './customcolumns'

describe('RelaxedJSONPathExpression (TestMassageJSONPath)', () => {
  it.each([
    ['foo.bar', '{.foo.bar}'],
    ['{foo.bar}', '{.foo.bar}'],
    ['.foo.bar', '{.foo.bar}'],
    ['{.foo.bar}', '{.foo.bar}'],
    ['', ''],
  ])('%s -> %s', (input, spec) => {
    expect(relaxedJsonPathExpression(input)).toEqual({ spec })
  })

  it('{foo.bar is refused', () => {
    expect(relaxedJsonPathExpression('{foo.bar')).toEqual({ error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" })
  })
})

describe('NewCustomColumnsPrinterFromSpec (TestNewColumnPrinterFromSpec)', () => {
  it('an empty spec', () => {
    expect(columnsFromSpec('')).toEqual({ error: 'custom-columns format specified but no custom columns given' })
  })
  it('a column without a path', () => {
    expect(columnsFromSpec('invalid')).toEqual({ error: 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>' })
  })
  it('two columns', () => {
    expect(columnsFromSpec('NAME:metadata.name,API_VERSION:apiVersion')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
    ])
  })
})

describe('NewCustomColumnsPrinterFromTemplate (TestNewColumnPrinterFromTemplate)', () => {
  it('no header line', () => {
    expect(columnsFromTemplate('')).toEqual({ error: 'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.' })
  })
  it('no spec line', () => {
    expect(columnsFromTemplate('NAME')).toEqual({ error: 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.' })
  })
  it('counts differ', () => {
    expect(columnsFromTemplate('NAME   API_VERSION\n{metadata.name}')).toEqual({ error: "number of headers (2) and field specifications (1) don't match" })
  })
  it('two columns', () => {
    expect(columnsFromTemplate('NAME   API_VERSION\n{metadata.name}   {apiVersion}\n')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
    ])
  })
})

describe('CustomColumnsPrinter (TestColumnPrint)', () => {
  const list = {
    kind: 'List',
    items: [
      { metadata: { name: 'foo' }, spec: { containers: [{ image: 'a' }, { image: 'b' }] } },
      { metadata: { name: 'bar' }, spec: { containers: [] } },
    ],
  }
  it('one row per item, <none> for nothing, commas between several values', () => {
    const printer = customColumnsPrinter([{ header: 'NAME', fieldSpec: '{.metadata.name}' }, { header: 'IMAGES', fieldSpec: '{.spec.containers[*].image}' }], false)
    expect(printer.print(list)).toEqual({ text: 'NAME   IMAGES\nfoo    a,b\nbar    <none>\n' })
  })
  it('--no-headers leaves the header out', () => {
    const printer = customColumnsPrinter([{ header: 'NAME', fieldSpec: '{.metadata.name}' }], true)
    expect(printer.print(list)).toEqual({ text: 'foo\nbar\n' })
  })
})
