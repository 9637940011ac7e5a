// Go text/template's define and template actions (parse.go parseDefinition/templateControl, exec.go
// walkTemplate), as a template set uses them: what kubectl explain's plaintext.tmpl relies on.
import { describe, expect, it } from 'vitest'
import { execute } from './exec'
import { FUNCTIONS } from './funcs'
import { parseTemplate, parseTemplateSet } from './parse'

const NAMES = new Set(Object.keys(FUNCTIONS))

function run(text: string, data: unknown): { text: string; error?: string } {
  const { root, defines } = parseTemplateSet(text, 'set', NAMES)
  return execute(root, text, 'set', data, { missingKeyError: false, templates: defines })
}

describe('a template set: define and template', () => {
  it('runs a defined template with the pipeline as dot and as $', () => {
    expect(run('{{define "name"}}[{{.}}|{{$}}]{{end}}{{template "name" .kind}}', { kind: 'Pod' }).text).toBe('[Pod|Pod]')
  })

  it('a define sees only its own $: the caller\'s variables are not in scope', () => {
    expect(() => parseTemplateSet('{{$x := 1}}{{define "d"}}{{$x}}{{end}}', 'set', NAMES)).toThrow('undefined variable "$x"')
  })

  it('recursion through template ends where the data ends', () => {
    const text = '{{define "walk"}}{{.name}}{{with .next}}>{{template "walk" .}}{{end}}{{end}}{{template "walk" .}}'
    expect(run(text, { name: 'a', next: { name: 'b', next: { name: 'c' } } }).text).toBe('a>b>c')
  })

  it('{{template "x"}} without a pipeline runs x with nil data', () => {
    expect(run('{{define "x"}}<{{.}}>{{end}}{{template "x"}}', { a: 1 }).text).toBe('<<no value>>')
  })

  it('an undefined template is an execution error, with what was written before it', () => {
    const result = run('before {{template "nope" .}}', {})
    expect(result.text).toBe('before ')
    expect(result.error).toContain('no such template "nope"')
  })

  it('define and template stay refused in -o go-template, which parses without a set', () => {
    expect(() => parseTemplate('{{template "x"}}', 'output', NAMES)).toThrow('{{template}} is not supported by Podlab yet')
    expect(() => parseTemplate('{{define "x"}}{{end}}', 'output', NAMES)).toThrow('{{define}} is not supported by Podlab yet')
  })
})
