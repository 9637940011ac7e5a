// Strategic merge patches on API objects, with merge keys and strategies from the generated 1.32 schema.

import { describe, expect, it } from 'vitest'
import { applyStrategicMergePatch } from './strategic'
import { thrownApiError } from './testing/thrown'

const POD = 'io.k8s.api.core.v1.Pod'

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'x', labels: { app: 'web', tier: 'fe' } },
  spec: {
    containers: [
      {
        name: 'c',
        image: 'nginx',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
      { name: 'd', image: 'busybox' },
    ],
    volumes: [{ name: 'v', emptyDir: {} }],
    tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
  },
})

describe('applyStrategicMergePatch on a Pod (merge keys from the schema)', () => {
  it('merges containers by name: only the named container changes, its other fields stay', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'c', image: 'nginx:1.28' }] } }, POD)
    expect(out.spec.containers.map((c) => [c.name, c.image])).toEqual([
      ['c', 'nginx:1.28'],
      ['d', 'busybox'],
    ])
    expect(out.spec.containers[0]?.env).toHaveLength(2)
  })

  it('merges ports by containerPort and env by name; a new element goes first (upstream mergeSortedSlice: it is not in the live order)', () => {
    const out = applyStrategicMergePatch(
      pod(),
      { spec: { containers: [{ name: 'c', ports: [{ containerPort: 443 }], env: [{ name: 'B', value: '3' }] }] } },
      POD,
    )
    expect(out.spec.containers[0]?.ports).toEqual([{ containerPort: 443 }, { containerPort: 80, protocol: 'TCP' }])
    expect(out.spec.containers[0]?.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '3' },
    ])
  })

  it('merges volumes by name, and $retainKeys clears the volume source the patch does not keep', () => {
    const merged = applyStrategicMergePatch(pod(), { spec: { volumes: [{ name: 'w', emptyDir: {} }] } }, POD)
    expect(merged.spec.volumes.map((v) => v.name)).toEqual(['w', 'v'])
    const switched = applyStrategicMergePatch(
      pod(),
      { spec: { volumes: [{ name: 'v', configMap: { name: 'cm' }, $retainKeys: ['configMap', 'name'] }] } },
      POD,
    )
    expect(switched.spec.volumes).toEqual([{ name: 'v', configMap: { name: 'cm' } }])
  })

  it('replaces tolerations whole (no patch strategy: atomic)', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { tolerations: [{ key: 'other', operator: 'Exists' }] } }, POD)
    expect(out.spec.tolerations).toEqual([{ key: 'other', operator: 'Exists' }])
  })

  it('merges the labels map, null deleting a label', () => {
    const out = applyStrategicMergePatch(pod(), { metadata: { labels: { tier: null, env: 'prod' } } }, POD)
    expect(out.metadata.labels).toEqual({ app: 'web', env: 'prod' })
  })

  it('deletes a container with $patch: delete', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'c', $patch: 'delete' }] } }, POD)
    expect(out.spec.containers.map((c) => c.name)).toEqual(['d'])
  })

  it('replaces a list with a $patch: replace element, and orders containers by $setElementOrder', () => {
    const replaced = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'e', image: 'e' }, { $patch: 'replace' }] } }, POD)
    expect(replaced.spec.containers).toEqual([{ name: 'e', image: 'e' }])
    const ordered = applyStrategicMergePatch(pod(), { spec: { '$setElementOrder/containers': [{ name: 'd' }, { name: 'c' }] } }, POD)
    expect(ordered.spec.containers.map((c) => c.name)).toEqual(['d', 'c'])
  })

  it('applies $deleteFromPrimitiveList to a merged list of scalars (metadata.finalizers)', () => {
    const doc = { metadata: { name: 'x', finalizers: ['a', 'b', 'c'] } }
    const out = applyStrategicMergePatch(doc, { metadata: { finalizers: ['d'], '$deleteFromPrimitiveList/finalizers': ['b'] } }, POD)
    expect(out.metadata.finalizers).toEqual(['d', 'a', 'c'])
  })

  it('drops a Deployment strategy field the $retainKeys of spec.strategy (patch strategy retainKeys) leaves out', () => {
    const deployment = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }
    const out = applyStrategicMergePatch(deployment, { spec: { strategy: { type: 'Recreate', $retainKeys: ['type'] } } }, 'apps.v1.Deployment')
    expect(out.spec.strategy).toEqual({ type: 'Recreate' })
  })

  it('leaves its arguments unchanged', () => {
    const doc = pod()
    const patch = { spec: { containers: [{ name: 'c', $patch: 'delete' }] } }
    applyStrategicMergePatch(doc, patch, POD)
    expect(doc).toEqual(pod())
    expect(patch).toEqual({ spec: { containers: [{ name: 'c', $patch: 'delete' }] } })
  })
})

describe('applyStrategicMergePatch errors (apiserver interpretStrategicMergePatchError)', () => {
  it.each<[string, unknown, string, string]>([
    ['a patch that is a list', [{ a: 1 }], 'BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['a $retainKeys that leaves out a field the patch sets', { spec: { volumes: [{ name: 'v', secret: {}, $retainKeys: ['name'] }] } }, 'BadRequest', 'invalid patch format of retainKeys'],
    ['a $deleteFromPrimitiveList key without a list name', { metadata: { $deleteFromPrimitiveList: ['a'] } }, 'BadRequest', 'invalid patch format of primitive list'],
    ['a list of lists', { metadata: { finalizers: [['a']] } }, 'Invalid', 'the server rejected our request due to an error in our request'],
    ['$patch: merge in a list', { spec: { containers: [{ $patch: 'merge' }] } }, 'Internal', 'merging lists cannot yet be specified in the patch'],
    ['an element without its merge key', { spec: { containers: [{ image: 'x' }] } }, 'Internal', 'map: map[image:x] does not contain declared merge key: name'],
  ])('%s is %s: %s', (_, patch, reason, message) => {
    const doc = { ...pod(), metadata: { name: 'x', finalizers: [] } }
    const e = thrownApiError(() => applyStrategicMergePatch(doc, patch, POD))
    expect([e.reason, e.message]).toEqual([reason, message])
  })

  it('a $setElementOrder list that contradicts the patch list is reported in upstream’s words', () => {
    const patch = { spec: { '$setElementOrder/containers': [{ name: 'c' }], containers: [{ name: 'd', image: 'y' }] } }
    const e = thrownApiError(() => applyStrategicMergePatch(pod(), patch, POD))
    expect(e.reason).toBe('Internal')
    expect(e.message).toBe("The order in patch list:\n[map[image:y name:d]]\n doesn't match $setElementOrder list:\n[map[name:c]]\n")
  })
})
