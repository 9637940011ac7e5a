// Facts from kubernetes v1.32 pkg/apis/apps/validation/validation.go (ValidateReplicaSetSpec,
// ValidatePodTemplateSpecForReplicaSet) and the failure cases of validation_test.go TestValidateReplicaSet.
import { describe, expect, it } from 'vitest'
import { fieldErrorText } from '../../field'
import type { ReplicaSet } from '../types'
import { applyReplicaSetDefaults } from './defaults'
import { validateReplicaSet } from './validation'

function rs(spec: Record<string, unknown>, templateLabels: Record<string, string> | null): ReplicaSet {
  const object = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: templateLabels ? { labels: templateLabels } : {}, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...spec,
    },
  } as unknown as ReplicaSet
  applyReplicaSetDefaults(object)
  return object
}

const errors = (o: ReplicaSet) => validateReplicaSet(o).map(fieldErrorText)

describe('ValidateReplicaSet', () => {
  it('accepts a valid set', () => expect(errors(rs({}, { app: 'web' }))).toEqual([]))

  it.each<[string, Record<string, unknown>, Record<string, string> | null, string[]]>([
    ['negative replicas', { replicas: -1 }, { app: 'web' }, ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['negative minReadySeconds', { minReadySeconds: -1 }, { app: 'web' }, ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0']],
    [
      'selector does not match the template labels',
      {},
      { app: 'other' },
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`'],
    ],
    [
      'template without labels',
      {},
      null,
      ['spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`'],
    ],
    [
      'no selector: required, and Nothing matches no template',
      { selector: undefined },
      { app: 'web' },
      ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ],
    [
      'empty selector (Everything, so the labels are not compared)',
      { selector: {} },
      { app: 'web' },
      ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    ],
    [
      'a bad operator cannot be parsed',
      { selector: { matchExpressions: [{ key: 'app', operator: 'Foo', values: ['web'] }] } },
      { app: 'web' },
      [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Foo", Values:[]string{"web"}}}}: invalid label selector',
      ],
    ],
  ])('%s', (_name, spec, labels, want) => expect(errors(rs(spec, labels))).toEqual(want))

  it('refuses restartPolicy OnFailure and activeDeadlineSeconds in the template', () => {
    const o = rs({}, { app: 'web' })
    Object.assign(o.spec.template.spec, { restartPolicy: 'OnFailure', activeDeadlineSeconds: 10 })
    expect(errors(o)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ])
  })

  it('checks the template pod spec at spec.template.spec', () => {
    const o = rs({}, { app: 'web' })
    o.spec.template.spec.containers = []
    expect(errors(o)).toEqual(['spec.template.spec.containers: Required value'])
  })

  it('checks the name as a DNS subdomain', () => {
    const o = rs({}, { app: 'web' })
    o.metadata.name = 'Web'
    expect(errors(o)[0]).toMatch(/^metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/)
  })
})
