// Which printer `get -o` builds (get_flags.go PrintFlags.ToPrinter): --template alone is go-template, template
// formats need a template, *-file formats read it, and anything else is NoCompatiblePrinterError.
import { describe, expect, it } from 'vitest'
import { getPrinter } from './get-printer'

const io = { readFile: (p: string) => (p === 't.txt' ? '{.kind}' : (() => { throw Object.assign(new Error('x'), { code: 'ENOENT' }) })()) }
const flags = (output: string, template = '') => ({ output, template, allowMissingKeys: true, noHeaders: false })
const kind = (p: ReturnType<typeof getPrinter>) => ('error' in p ? p.error : p.kind)

describe('getPrinter', () => {
  it.each([
    ['', 'human'],
    ['wide', 'human'],
    ['yaml', 'yaml'],
    ['name', 'name'],
    ['jsonpath={.kind}', 'object'],
    ['custom-columns=N:.kind', 'object'],
    ['go-template={{.kind}}', 'object'],
    ['jsonpath-file=t.txt', 'object'],
  ])('-o %s is %s', (output, want) => {
    expect(kind(getPrinter(io, flags(output)))).toBe(want)
  })

  it('--template alone means go-template', () => {
    const p = getPrinter(io, flags('', '{{.kind}}'))
    expect('error' in p ? p.error : p.kind === 'object' && p.printer.print({ kind: 'Pod' }).text).toBe('Pod')
  })

  it('a template format without a template', () => {
    expect(kind(getPrinter(io, flags('go-template')))).toBe('template format specified but no template given')
  })

  it('a file that is not there, in Go words', () => {
    expect(kind(getPrinter(io, flags('jsonpath-file=nope')))).toBe('error reading --template nope, open nope: no such file or directory')
  })

  it('an unknown format lists the allowed ones', () => {
    expect(kind(getPrinter(io, flags('xml')))).toMatch(/^unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,/)
  })
})
