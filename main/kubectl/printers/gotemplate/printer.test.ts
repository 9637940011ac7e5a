// The go-template printer against kubectl 1.32 itself: each template of testdata/kubectl-1.32.json was run by the
// real kubectl (`create configmap ... --dry-run=client -o go-template=T`, which prints without a cluster) and
// its output or first error line recorded; Podlab's printer must give the same over the same object.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { goTemplatePrinter } from './printer'

interface Recorded {
  object: unknown
  cases: Array<{ template: string; stdout: string; error: string }>
}

const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, 'testdata', 'kubectl-1.32.json'), 'utf8')) as Recorded

function run(template: string, allowMissingKeys = true): { stdout: string; error: string } {
  const printer = goTemplatePrinter(template, { allowMissingKeys })
  if ('error' in printer) return { stdout: '', error: printer.error }
  const printed = printer.print(recorded.object)
  return printed.error === undefined ? { stdout: printed.text, error: '' } : { stdout: '', error: printed.error }
}

describe('go-template prints as kubectl 1.32 (recorded)', () => {
  it.each(recorded.cases.map((c) => [c.template, c] as const))('%s', (_t, c) => {
    expect(run(c.template)).toEqual({ stdout: c.stdout, error: c.error })
  })
})

describe('go-template: what the recorded table does not cover', () => {
  it('missingkey=error (--allow-missing-template-keys=false) names the missing key', () => {
    expect(run('{{.nope}}', false).error).toBe('error executing template "{{.nope}}": template: output:1:2: executing "output" at <.nope>: map has no entry for key "nope"')
  })

  it('what ran before an error is written, then the debugging text', () => {
    const printer = goTemplatePrinter('{{.kind}}-{{.kind.x}}', { allowMissingKeys: true })
    if ('error' in printer) throw new Error(printer.error)
    expect(printer.print(recorded.object).text.startsWith('ConfigMap-Error executing template: ')).toBe(true)
  })

  it('a template function Podlab lacks says so when called', () => {
    expect(run('{{urlquery .kind}}').error).toContain('Podlab does not implement the urlquery template function yet')
  })

  // Recorded from kubectl.1.32 `create configmap x --dry-run=client -o go-template=T`.
  it.each([
    ['{{slice .kind 1}}', 'onfigMap', ''],
    ['{{slice .kind 1 3}}', 'on', ''],
    ['{{slice .kind 5 2}}', '', 'error calling slice: invalid slice index: 5 > 2'],
    ['{{slice .kind 1 2 3}}', '', 'error calling slice: cannot 3-index slice a string'],
    ['{{slice .kind 20}}', '', 'error calling slice: index out of range: 20'],
    ['{{printf "%T %T %T" .kind .metadata true}}', 'string map[string]interface {} bool', ''],
  ])('slice and %%T as Go: %s', (template, stdout, error) => {
    const got = run(template)
    expect(got.stdout).toBe(stdout)
    if (error) expect(got.error).toContain(error)
    else expect(got.error).toBe('')
  })
})
