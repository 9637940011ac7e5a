import { describe, expect, it } from 'vitest'
import { EDIT_HEADER, EditResults, hashOnLineBreak, hasLines, headerText, manualStrip, stripComments } from './edit-file'
import { validateBytes } from './edit-validation'

describe('hashOnLineBreak (editoptions.go): a multi-line message stays a comment', () => {
  it.each([
    ['', ''],
    ['one line', 'one line'],
    ['a\nb', 'a\n# b'],
    ['a\n# b', 'a\n# b'],
    ['ends with a break\n', 'ends with a break\n'],
    ['- spec.x: "A"\n+ spec.x: "B"', '- spec.x: "A"\n# + spec.x: "B"'],
  ])('%j', (text, want) => {
    expect(hashOnLineBreak(text)).toBe(want)
  })
})

describe('the header and its reasons (editHeader.writeTo)', () => {
  it('a reason with causes ends its head with a colon and lists each as `# * `, then a `#` line', () => {
    expect(headerText([{ head: 'pods "web" was not valid', other: ['spec: Forbidden: x\n- a\n+ b'] }, { head: 'The edited file had a syntax error: y', other: [] }])).toBe(
      `${EDIT_HEADER}# pods "web" was not valid:\n# * spec: Forbidden: x\n# - a\n# + b\n#\n# The edited file had a syntax error: y\n#\n`,
    )
  })

  it('addError words each failure as kubectl prints it and counts it', () => {
    const results = new EditResults('/tmp/f.yaml')
    const pods = { resource: 'pods', group: '' }
    const deployments = { resource: 'deployments', group: 'apps' }
    const invalid = { kind: 'status' as const, status: { reason: 'Invalid', message: 'm', details: { causes: [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message: 'Invalid value: -1' }] } } }
    expect(results.addError(invalid, deployments, 'hello')).toBe('error: deployments.apps "hello" is invalid')
    expect(results.addError({ kind: 'status', status: { reason: 'NotFound', message: 'gone' } }, pods, 'web')).toBe('error: pods "web" could not be found on the server')
    expect(results.addError({ kind: 'status', status: { reason: 'Conflict', message: 'the object has been modified' } }, pods, 'web')).toBe(
      'error: pods "web" could not be patched: the object has been modified',
    )
    expect([results.edit, results.notfound, results.retryable]).toEqual([1, 1, 1])
    expect(results.reasons).toEqual([{ head: 'deployments.apps "hello" was not valid', other: ['spec.replicas: Invalid value: -1'] }])
  })
})

describe('comparing what was saved (StripComments, ManualStrip, hasLines)', () => {
  it('YAML compares as its JSON: comments, key order and quoting do not count', () => {
    expect(stripComments('# a comment\nkind: Pod\napiVersion: v1\n')).toBe(stripComments('apiVersion: "v1"\nkind: Pod # here\n'))
    expect(stripComments('kind: Pod\n')).not.toBe(stripComments('kind: Service\n'))
  })

  it('JSON is compared byte for byte; nothing but comments is null', () => {
    expect(stripComments(' {"a": 1}')).toBe(' {"a": 1}')
    expect(stripComments('# only\n#comments\n')).toBe('null')
  })

  it('a file that does not parse loses only its comment lines (a `#!` line stays)', () => {
    expect(manualStrip('# head\na: [\n  #! keep\n  # drop\nb')).toBe('a: [\n  #! keep\nb')
    expect(stripComments('# head\na: [\n')).toBe('a: [\n')
  })

  it.each([
    ['', false],
    ['\n   \n', false],
    ['# a\n  # b\n', false],
    ['# a\nx: 1', true],
  ])('hasLines(%j) is %s', (text, want) => {
    expect(hasLines(text)).toBe(want)
  })
})

describe('validateBytes (paramVerifyingSchema before the server is asked)', () => {
  it.each([
    ['an object with apiVersion and kind', '{"apiVersion":"v1","kind":"Pod"}', undefined],
    ['nothing', 'null', 'invalid object to validate'],
    ['a list', '[1]', 'invalid object to validate'],
    ['no kind', '{"apiVersion":"v1"}', 'kind not set'],
    ['neither', '{"metadata":{}}', '[apiVersion not set, kind not set]'],
    ['a kind that is not a string', 'apiVersion: v1\nkind: 3\n', "kind isn't string type"],
    ['a List whose item has no kind', '{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1"}]}', 'kind not set'],
    ['a List without items', '{"apiVersion":"v1","kind":"List"}', 'invalid object to validate'],
  ])('%s', (_name, data, want) => {
    expect(validateBytes(data)).toBe(want)
  })
})
