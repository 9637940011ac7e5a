// Facts from kubernetes v1.32 pkg/registry/apps/replicaset/strategy.go and pkg/apis/apps/v1/defaults.go, checked
// through the API server (decoding, defaults, PrepareForCreate/Update, validation, the status subresource).
import { describe, expect, it } from 'vitest'
import type { ReplicaSet } from '../../api/apps/types'
import { thrownApiError as thrown } from '../../api/patch/testing/thrown'
import { ApiServer } from '../../api/server'
import { bareWorld } from '../../testing/bare-world'
import { definitionFor } from '../registry'

const rsManifest = (name = 'web', replicas?: number) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name },
  spec: {
    ...(replicas === undefined ? {} : { replicas }),
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
})

describe('ReplicaSet discovery', () => {
  it('is served as apps/v1 replicasets, short name rs, in category all', () => {
    const d = definitionFor('replicasets')
    expect(d && { group: d.group, version: d.version, kind: d.kind, namespaced: d.namespaced, shortNames: d.shortNames, categories: d.categories }).toEqual({
      group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], categories: ['all'],
    })
  })
})

describe('ReplicaSet create (SetDefaults_ReplicaSet, PrepareForCreate)', () => {
  it('defaults replicas to 1 and the template pod spec as every PodSpec, without the pod-only enableServiceLinks', () => {
    const rs = new ApiServer(bareWorld()).create(rsManifest()) as ReplicaSet
    expect(rs.spec.replicas).toBe(1)
    expect(rs.spec.template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'web' } })
    expect(rs.spec.template.spec).toEqual({
      containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} }],
      restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler',
    })
  })

  it('keeps an explicit replicas: 0', () => {
    expect((new ApiServer(bareWorld()).create(rsManifest('web', 0)) as ReplicaSet).spec.replicas).toBe(0)
  })

  it('starts at generation 1 with an empty status whatever the client sent', () => {
    const rs = new ApiServer(bareWorld()).create({ ...rsManifest(), metadata: { name: 'web', generation: 7 }, status: { replicas: 5 } }) as ReplicaSet
    expect(rs.metadata.generation).toBe(1)
    expect(rs.status).toEqual({ replicas: 0 })
  })

  it('refuses restartPolicy Never with the real message', () => {
    const m = rsManifest()
    const bad = { ...m, spec: { ...m.spec, template: { ...m.spec.template, spec: { ...m.spec.template.spec, restartPolicy: 'Never' } } } }
    expect(thrown(() => new ApiServer(bareWorld()).create(bad)).message).toBe(
      'ReplicaSet.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    )
  })
})

describe('ReplicaSet update (PrepareForUpdate, ValidateUpdate)', () => {
  it('bumps the generation when the spec changes, not when only labels change', () => {
    const api = new ApiServer(bareWorld())
    const rs = api.create(rsManifest()) as ReplicaSet
    const relabelled = api.update({ ...rs, metadata: { ...rs.metadata, labels: { tier: 'a' } } }) as ReplicaSet
    expect(relabelled.metadata.generation).toBe(1)
    const scaled = api.update({ ...relabelled, spec: { ...relabelled.spec, replicas: 3 } }) as ReplicaSet
    expect(scaled.metadata.generation).toBe(2)
  })

  it('keeps the status on a main-resource update', () => {
    const api = new ApiServer(bareWorld())
    const rs = api.create(rsManifest()) as ReplicaSet
    const withStatus = api.updateStatus({ ...rs, status: { replicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } }) as ReplicaSet
    const updated = api.update({ ...withStatus, status: { replicas: 9 } }) as ReplicaSet
    expect(updated.status).toEqual({ replicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 })
  })

  it('refuses a changed selector in apps/v1: field is immutable, with the selector printed as Go does', () => {
    const api = new ApiServer(bareWorld())
    const rs = api.create(rsManifest()) as ReplicaSet
    const labels = { app: 'web', v: '2' }
    const changed = { ...rs, spec: { ...rs.spec, selector: { matchLabels: labels }, template: { ...rs.spec.template, metadata: { labels } } } }
    expect(thrown(() => api.update(changed)).message).toBe(
      'ReplicaSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "v":"2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    )
  })
})

describe('ReplicaSet status subresource (ValidateReplicaSetStatusUpdate)', () => {
  it('keeps the stored spec and generation', () => {
    const api = new ApiServer(bareWorld())
    const rs = api.create(rsManifest()) as ReplicaSet
    const after = api.updateStatus({ ...rs, spec: { ...rs.spec, replicas: 5 }, status: { replicas: 1, observedGeneration: 1 } }) as ReplicaSet
    expect(after.spec.replicas).toBe(1)
    expect(after.metadata.generation).toBe(1)
  })

  it('refuses negative counts and counts above replicas, an absent count being Go\'s 0', () => {
    const api = new ApiServer(bareWorld())
    const rs = api.create(rsManifest()) as ReplicaSet
    const e = thrown(() => api.updateStatus({ ...rs, status: { replicas: -1, readyReplicas: 2, observedGeneration: -1 } }))
    expect(e.message).toBe(
      'ReplicaSet.apps "web" is invalid: [status.replicas: Invalid value: -1: must be greater than or equal to 0, ' +
        'status.observedGeneration: Invalid value: -1: must be greater than or equal to 0, ' +
        'status.fullyLabeledReplicas: Invalid value: 0: cannot be greater than status.replicas, ' +
        'status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas, ' +
        'status.availableReplicas: Invalid value: 0: cannot be greater than status.replicas]',
    )
  })
})
