import { describe, expect, it } from 'vitest'
import { invalid as invalidError } from './errors'
import { duplicate, fieldErrorText, forbidden, invalid, notFound, notSupported, required, tooLong } from './field'
import { goQuote, goStringMap } from '../../gostd/gofmt'

describe('field errors (apimachinery v0.32.0 util/validation/field/errors.go ErrorBody)', () => {
  const cases: Array<[string, ReturnType<typeof required>, string]> = [
    ['Required without detail', required('spec.containers'), 'spec.containers: Required value'],
    ['Required with detail', required('metadata.name', 'name or generateName is required'), 'metadata.name: Required value: name or generateName is required'],
    ['Invalid quotes strings with %q', invalid('metadata.name', 'My_Pod', 'bad'), 'metadata.name: Invalid value: "My_Pod": bad'],
    ['Invalid prints numbers with %v', invalid('x.port', 70000, 'must be between 1 and 65535, inclusive'), 'x.port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ['Invalid prints nil as null', invalid('spec.activeDeadlineSeconds', null, 'd'), 'spec.activeDeadlineSeconds: Invalid value: null: d'],
    ['Invalid prints maps with %#v (1.32, §11(e))', invalid('spec.template.metadata.labels', goStringMap({ app: 'web' }), '`selector` does not match template `labels`'), 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ['Duplicate', duplicate('spec.containers[1].name', 'web'), 'spec.containers[1].name: Duplicate value: "web"'],
    ['NotSupported quotes each value', notSupported('spec.restartPolicy', 'OnFailure', ['Always']), 'spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ['Forbidden omits the value', forbidden('spec', 'nope'), 'spec: Forbidden: nope'],
    ['NotFound', notFound('spec.containers[0].volumeMounts[0].name', 'data'), 'spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ['TooLong', tooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: may not be more than 262144 bytes'],
  ]
  it.each(cases)('%s', (_n, err, text) => {
    expect(fieldErrorText(err)).toBe(text)
  })

  it('an aggregate drops repeated messages (ErrorList.ToAggregate) and keeps one error bare', () => {
    const e = required('spec.containers')
    expect(invalidError('Pod', 'x', [e, e]).message).toBe('Pod "x" is invalid: spec.containers: Required value')
  })
})

describe('goQuote (strconv.Quote)', () => {
  const cases: Array<[string, string]> = [
    ['plain', '"plain"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\there', '"tab\\there"'],
    ['\x00', '"\\x00"'],
    ['é', '"é"'],
    ['\u200b', '"\\u200b"'],
  ]
  it.each(cases)('%j', (input, quoted) => {
    expect(goQuote(input)).toBe(quoted)
  })
})
