// kubectl pkg/cmd/util/helpers.go checkErr / MultilineError / MultipleErrors / StandardErrorMessage (v0.32.5)
// and apimachinery util/errors aggregate.Error(); k8s-behaviour.md §11.
import { describe, expect, it } from 'vitest'
import { addSourceToErr, aggregate, checkErrText, errorString, plain, type CliError } from './errors'

const notFound: CliError = { kind: 'status', status: { reason: 'NotFound', message: 'pods "x" not found' } }
const invalid = (causes: Array<[string, string]>): CliError => ({
  kind: 'status',
  status: { reason: 'Invalid', message: 'ignored', details: { kind: 'Pod', name: 'x', causes: causes.map(([field, message]) => ({ field, message, reason: 'FieldValueRequired' })) } },
})

describe('checkErrText', () => {
  it.each<[string, CliError, string]>([
    ['a Status prints its reason', notFound, 'Error from server (NotFound): pods "x" not found\n'],
    ['a plain error gets "error: "', plain('boom'), 'error: boom\n'],
    ['Invalid with one cause is inline', invalid([['spec.containers[0].image', 'Required value']]), 'The Pod "x" is invalid: spec.containers[0].image: Required value\n'],
    [
      'Invalid with several causes is a list after a trailing space',
      invalid([['spec.containers[1].name', 'Required value'], ['spec.containers[1].image', 'Required value']]),
      'The Pod "x" is invalid: \n* spec.containers[1].name: Required value\n* spec.containers[1].image: Required value\n',
    ],
    ['duplicate causes are dropped', invalid([['a', 'b'], ['a', 'b']]), 'The Pod "x" is invalid: a: b\n'],
    ['an aggregate of one is unwrapped', aggregate([plain('one')])!, 'error: one\n'],
    ['an aggregate prints one line per error, without "error: "', aggregate([plain('one'), notFound])!, 'one\nError from server (NotFound): pods "x" not found\n'],
  ])('%s', (_name, err, want) => expect(checkErrText(err)).toBe(want))

  it('prints a nested aggregate as one bracketed line (aggregate.Error)', () => {
    const inner = aggregate([plain('a'), plain('b')])!
    expect(checkErrText(aggregate([inner, plain('c')])!)).toBe('[a, b]\nc\n')
    expect(errorString(aggregate([plain('a'), plain('a')])!)).toBe('a')
  })
})

describe('addSourceToErr', () => {
  it('keeps a Status a Status and prefixes its message', () => {
    expect(checkErrText(addSourceToErr('creating', 'pod.yaml', notFound))).toBe('Error from server (NotFound): error when creating "pod.yaml": pods "x" not found\n')
  })
  it('leaves the Invalid text to the details', () => {
    expect(checkErrText(addSourceToErr('creating', 'pod.yaml', invalid([['f', 'm']])))).toBe('The Pod "x" is invalid: f: m\n')
  })
})
