import { describe, expect, it } from 'vitest'
import { decodeBody, decodeError, decodeKnown, strictDecodingMessage, strictDecodingWarnings, unknownFields } from './strict'

const pod = (extra: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, ...extra })

describe('unknownFields (sigs.k8s.io/json strict decoding, paths from strictFieldStack)', () => {
  const cases: Array<[string, unknown, string[]]> = [
    ['top-level typo, k8s-behaviour §11(a)', { apiVersion: 'v1', kind: 'Pod', metadate: { name: 'x' } }, ['metadate']],
    [
      'an item of containers that is only a port, §11(d)',
      pod({ spec: { containers: [{ name: 'web', image: 'nginx' }, { containerPort: 80 }] } }),
      ['spec.containers[1].containerPort'],
    ],
    [
      'matching is case-sensitive (CaseSensitive option), §11(a) nested example',
      pod({ spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerport: 80 }] }] } }),
      ['spec.containers[0].ports[0].containerport'],
    ],
    [
      'map keys become path segments (appendStrictFieldStackKey)',
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'a', image: 'b', resources: { limits: { cpu: '1' } }, bogus: 1 }] } } } },
      ['spec.template.spec.containers[0].bogus'],
    ],
    [
      'keys are reported in sorted order, as kubectl sends json.Marshal output',
      pod({ zeta: 1, spec: { containers: [{ name: 'a', image: 'b' }] }, alpha: 2 }),
      ['alpha', 'zeta'],
    ],
    ['the value of an unknown field is skipped unread', pod({ extra: { deeper: { unknown: true } } }), ['extra']],
    ['a correct pod has none', pod({ spec: { containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } }), []],
    ['inline fields (Probe embeds ProbeHandler) are known', pod({ spec: { containers: [{ name: 'a', image: 'b', livenessProbe: { httpGet: { port: 80 }, periodSeconds: 5 } }] } }), []],
    ['status is a known field', pod({ status: { phase: 'Pending' } }), []],
  ]
  it.each(cases)('%s', (_name, value, expected) => {
    const o = value as { apiVersion: string; kind: string }
    expect(unknownFields(o.apiVersion, o.kind, value)).toEqual(expected)
  })

  it('reports each path once (saveStrictError dedupes by message)', () => {
    // A dotted key spells the path of a nested unknown field: `spec.bogus` at the top and `bogus` in spec are
    // both `unknown field "spec.bogus"`. Keys go sorted, so spec's own is met first.
    const value = pod({
      'spec.bogus': 1,
      'spec.containers[0].extra': 2,
      spec: { bogus: 3, containers: [{ name: 'a', image: 'b', extra: 4 }] },
    })
    expect(unknownFields('v1', 'Pod', value)).toEqual(['spec.bogus', 'spec.containers[0].extra'])
  })

  it('keeps at most 100 paths (saveStrictError cap), repeats not counted', () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${String(i).padStart(3, '0')}`, 1]))
    expect(unknownFields('v1', 'Pod', pod(many))).toHaveLength(100)
    const repeats = Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`spec.r${String(i).padStart(2, '0')}`, 1]))
    const spec = { ...Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`r${String(i).padStart(2, '0')}`, 1])), containers: [{ name: 'a', image: 'b' }] }
    const paths = unknownFields('v1', 'Pod', pod({ ...repeats, spec, zzz: 1 }))
    expect(paths).toHaveLength(100)
    expect(paths.at(-1)).toBe('zzz')
  })

  it('knows nothing about kinds outside the schema', () => {
    expect(unknownFields('example.com/v1', 'Widget', { anything: 1 })).toEqual([])
    expect(decodeKnown('example.com/v1', 'Widget', {})).toBeUndefined()
  })

  it('returns the decoded copy without unknown fields and nulls (what a Go struct round trip keeps)', () => {
    const out = decodeKnown('v1', 'Pod', pod({ metadata: { name: 'x', creationTimestamp: null }, spec: { containers: [{ name: 'a', image: 'b', oops: 1 }] } }))
    expect(out?.value).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a', image: 'b' }] } })
  })
})

describe('strictDecodingMessage (transformDecodeError + strictDecodingError)', () => {
  it('one field, §11(a)', () => {
    expect(strictDecodingMessage('Pod', 'v1', ['metadate'])).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadate"',
    )
  })
  it('several fields joined with ", "; the group is not printed (gvk.Version)', () => {
    expect(strictDecodingMessage('Deployment', 'apps/v1', ['a', 'spec.b'])).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "a", unknown field "spec.b"',
    )
  })
  it('Warn turns each into a warning (addStrictDecodingWarnings)', () => {
    expect(strictDecodingWarnings(['spec.x'])).toEqual(['unknown field "spec.x"'])
  })
})

describe('decodeError (encoding/json UnmarshalTypeError, Go 1.23 text; custom UnmarshalJSON errors)', () => {
  const cases: Array<[string, unknown, string | null]> = [
    [
      'containers given a string',
      pod({ spec: { containers: 'nginx' } }),
      'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    ],
    [
      'an item of containers given a string: element type, same field context',
      pod({ spec: { containers: ['nginx'] } }),
      'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container',
    ],
    [
      'containerPort given a string: innermost struct, field names without indexes',
      pod({ spec: { containers: [{ name: 'a', image: 'b', ports: [{ containerPort: '80' }] }] } }),
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    ],
    [
      'a fraction into an int32 prints the number',
      pod({ spec: { containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 80.5 }] }] } }),
      'json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    ],
    [
      'an int32 overflow prints the number',
      pod({ spec: { containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 3000000000 }] }] } }),
      'json: cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    ],
    [
      'a label value that is a number: map values keep the map field as context',
      pod({ metadata: { name: 'x', labels: { tier: 1 } } }),
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    ],
    [
      'a named string type prints its Go name',
      pod({ spec: { containers: [{ name: 'a', image: 'b' }], restartPolicy: 1 } }),
      'json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
    ],
    [
      'command given a string',
      pod({ spec: { containers: [{ name: 'a', image: 'b', command: 'sleep 10' }] } }),
      'json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string',
    ],
    [
      'only the first type error is kept (saveError)',
      pod({ metadata: { name: 'x', labels: 'a' }, spec: { containers: 'b' } }),
      'json: cannot unmarshal string into Go struct field ObjectMeta.metadata.labels of type map[string]string',
    ],
    [
      'a bad quantity aborts with resource.ErrFormatWrong',
      pod({ spec: { containers: [{ name: 'a', image: 'b', resources: { limits: { memory: '128 Mi' } } }] } }),
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    [
      'an unknown quantity suffix is resource.ErrSuffix',
      pod({ spec: { containers: [{ name: 'a', image: 'b', resources: { requests: { memory: '1mi' } } }] } }),
      "unable to parse quantity's suffix",
    ],
    [
      'IntOrString given a fraction: int32 error with field context added on the way out',
      pod({ spec: { containers: [{ name: 'a', image: 'b', livenessProbe: { httpGet: { port: 80.5 } } }] } }),
      'json: cannot unmarshal number 80.5 into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32',
    ],
    ['valid quantities and int-or-strings decode', pod({ spec: { containers: [{ name: 'a', image: 'b', resources: { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: 1 } }, readinessProbe: { tcpSocket: { port: 'http' } } }] } }), null],
    ['a type error hides the unknown fields', pod({ bogus: 1, spec: 'x' }), 'json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec'],
  ]
  it.each(cases)('%s', (_name, value, expected) => {
    expect(decodeError('v1', 'Pod', value)).toBe(expected)
  })

  it('a type error means no strict errors are reported (the decode failed first)', () => {
    expect(unknownFields('v1', 'Pod', pod({ bogus: 1, spec: 'x' }))).toEqual([])
  })
})

describe('decodeBody (apiserver v0.32.0 create handler: decode, then fieldValidation)', () => {
  const body = pod({ spec: { containers: [{ name: 'a', image: 'b' }] }, metadate: {} })
  it('Strict refuses unknown fields with BadRequest', () => {
    expect(() => decodeBody('v1', 'Pod', body, 'Strict')).toThrowError('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadate"')
  })
  it('Warn keeps going with one warning per field and drops the field', () => {
    const out = decodeBody('v1', 'Pod', body, 'Warn')
    expect(out.warnings).toEqual(['unknown field "metadate"'])
    expect(out.object).not.toHaveProperty('metadate')
  })
  it('Ignore drops the field silently (§11(a) --validate=false)', () => {
    expect(decodeBody('v1', 'Pod', body, 'Ignore')).toEqual({ object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a', image: 'b' }] } }, warnings: [] })
  })
  it('a type error fails whatever the field validation', () => {
    expect(() => decodeBody('v1', 'Pod', pod({ spec: { containers: 'nginx' } }), 'Ignore')).toThrowError(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    )
  })
})
