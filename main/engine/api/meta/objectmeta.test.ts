import { describe, expect, it } from 'vitest'
import type { ObjectMeta } from '../../../kube'
import { fieldErrorText } from '../field'
import { nameIsDNSSubdomain } from './names'
import { validateObjectMeta } from './objectmeta'

const podMeta = (meta: ObjectMeta) => validateObjectMeta(meta, { namespaced: true, nameFn: nameIsDNSSubdomain }).map(fieldErrorText)

describe('validateObjectMeta (apimachinery v0.32.0 ValidateObjectMetaAccessor)', () => {
  const cases: Array<[string, ObjectMeta, string[]]> = [
    ['a valid pod name', { name: 'web', namespace: 'default' }, []],
    ['no name: §11(a) --validate=false text, confirmed in objectmeta.go', { namespace: 'default' }, ['metadata.name: Required value: name or generateName is required']],
    [
      'bad name, §11(g)',
      { name: 'My_Pod', namespace: 'default' },
      [
        "metadata.name: Invalid value: \"My_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    ],
    ['namespaced kinds need a namespace', { name: 'web' }, ['metadata.namespace: Required value']],
    ['namespace is a DNS label', { name: 'web', namespace: 'a.b' }, ['metadata.namespace: Invalid value: "a.b": must not contain dots']],
    [
      'labels in sorted key order (Go ranges over the map at random)',
      { name: 'web', namespace: 'default', labels: { 'bad key': 'ok', app: '-web' } },
      [
        "metadata.labels: Invalid value: \"-web\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        "metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
    ['annotation keys are checked lower-cased, values are free', { name: 'web', namespace: 'default', annotations: { 'Example.COM/Key': 'any value at all' } }, []],
    ['finalizers must be qualified or standard (core validateKubeFinalizerName)', { name: 'web', namespace: 'default', finalizers: ['mine'] }, ['metadata.finalizers[0]: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified']],
    ['generation may not be negative', { name: 'web', namespace: 'default', generation: -1 }, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
  ]
  it.each(cases)('%s', (_n, meta, expected) => {
    expect(podMeta(meta)).toEqual(expected)
  })

  it('cluster-scoped kinds forbid a namespace', () => {
    const errs = validateObjectMeta({ name: 'n1', namespace: 'default' }, { namespaced: false, nameFn: nameIsDNSSubdomain })
    expect(errs.map(fieldErrorText)).toEqual(['metadata.namespace: Forbidden: not allowed on this type'])
  })

  it('checks a generateName as a prefix and still requires the generated name', () => {
    expect(podMeta({ generateName: 'Web-', namespace: 'default' })[0]).toMatch(/^metadata.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/)
  })
})
