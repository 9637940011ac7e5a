import { describe, expect, it } from 'vitest'
import { chooseFormat, GET_FORMATS, printable, serialize } from './print-flags'

// kubectl (cli-runtime print_flags.go) splits `-o jsonpath={.items}` at the first `=` into the format and its
// template, so a format kubectl knows is one Podlab does not print yet, not "no such format" (found by a new-user
// test: `get pods -o jsonpath='{.items}'` answered that jsonpath was not allowed while listing it as allowed).
describe('chooseFormat (-o), as PrintFlags.ToPrinter picks a printer', () => {
  it.each([
    ['jsonpath={.items[*].metadata.name}', 'jsonpath'],
    ['jsonpath-as-json={.items}', 'jsonpath-as-json'],
    ['custom-columns=NAME:.metadata.name', 'custom-columns'],
    ['go-template={{.metadata.name}}', 'go-template'],
    ['jsonpath', 'jsonpath'],
  ])('-o %s is a known format Podlab does not print yet', (output, name) => {
    expect(chooseFormat(output, GET_FORMATS)).toEqual({ error: `error: --output=${name} is not supported by Podlab yet\n` })
  })

  it('an unknown format is kubectl\'s NoCompatiblePrinterError with the allowed list', () => {
    expect(chooseFormat('xml', GET_FORMATS)).toEqual({
      error: `error: unable to match a printer suitable for the output format "xml", allowed formats are: ${GET_FORMATS.join(',')}\n`,
    })
  })

  it('table, wide, name, yaml and json are printed', () => {
    for (const f of ['', 'wide', 'name', 'yaml', 'json']) expect(chooseFormat(f, GET_FORMATS)).toEqual({ format: f })
  })
})

describe('OmitManagedFieldsPrinter (cli-runtime printers/managedfields.go)', () => {
  const entry = { manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', managedFields: [entry] } }

  it('drops managedFields from an object and from each item of a List, leaving the value given untouched', () => {
    expect(serialize('json', pod)).not.toContain('managedFields')
    expect(serialize('yaml', { apiVersion: 'v1', kind: 'List', items: [pod, pod], metadata: {} })).not.toContain('managedFields')
    expect(pod.metadata.managedFields).toEqual([entry])
  })

  it('keeps them with --show-managed-fields, and leaves what has no metadata (a watch event) as it is', () => {
    expect(serialize('yaml', pod, true)).toContain('manager: kubectl')
    expect(printable(pod, true)).toBe(pod)
    const event = { type: 'ADDED', object: pod }
    expect(printable(event, false)).toBe(event)
  })
})
