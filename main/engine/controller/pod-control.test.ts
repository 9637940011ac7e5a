import { describe, expect, it } from 'vitest'
import type { PodTemplateSpec } from '../api/apps/types'
import type { KubeObject } from '../../kube'
import { podFromTemplate, podsPrefix } from './pod-control'

const owner: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-7c5ddbdf54', namespace: 'default', uid: 'u-1' } }

describe('PodControl (controller_utils.go GetPodFromTemplate)', () => {
  it('getPodsPrefix: <owner>- when valid as a generateName, else the bare name', () => {
    expect(podsPrefix('web-7c5ddbdf54')).toBe('web-7c5ddbdf54-')
    // maskTrailingDash replaces the last two characters before checking, so 253 + '-' still passes (Go's quirk)...
    expect(podsPrefix('a'.repeat(253))).toBe('a'.repeat(253) + '-')
    // ...and 254 + '-' is too long for a DNS subdomain: upstream falls back to the bare name.
    expect(podsPrefix('a'.repeat(254))).toBe('a'.repeat(254))
  })

  it('the pod carries the template labels, annotations and finalizers, a controller ref and a copy of the spec', () => {
    const template: PodTemplateSpec = {
      metadata: { labels: { app: 'web' }, annotations: { a: 'b' }, finalizers: ['example.com/f'] },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    }
    const pod = podFromTemplate(template, owner)
    expect(pod.metadata).toEqual({
      generateName: 'web-7c5ddbdf54-',
      labels: { app: 'web' },
      annotations: { a: 'b' },
      finalizers: ['example.com/f'],
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c5ddbdf54', uid: 'u-1', controller: true, blockOwnerDeletion: true }],
    })
    pod.spec.containers[0]!.image = 'changed'
    expect(template.spec.containers[0]!.image).toBe('nginx')
  })
})
