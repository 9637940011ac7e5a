// Facts from kubernetes v1.32 pkg/controller/replicaset/replica_set.go getPodsToDelete and
// getPodsRankedByRelatedPodsOnSameNode (TestGetPodsToDelete).
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { getPodsToDelete } from './pods-to-delete'

const NOW = Date.parse('2025-01-01T01:00:00Z')

function pod(name: string, nodeName: string, phase = 'Running', ready = true): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, uid: name, creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { nodeName, containers: [] },
    status: { phase: phase as 'Running', conditions: ready ? [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:10Z' }] : [] },
  }
}

describe('getPodsToDelete', () => {
  it('deletes all of them unranked when the surplus is every pod', () => {
    const pods = [pod('b', 'n1'), pod('a', 'n2')]
    expect(getPodsToDelete(pods, [], 2, NOW).map((p) => p.metadata.name)).toEqual(['b', 'a'])
  })

  it('deletes a not-ready pod before ready ones', () => {
    const pods = [pod('ready1', 'n1'), pod('notready', 'n2', 'Running', false), pod('ready2', 'n3')]
    expect(getPodsToDelete(pods, pods, 1, NOW).map((p) => p.metadata.name)).toEqual(['notready'])
  })

  it('deletes the pod whose node has the most related active pods (the Deployment family), ignoring terminated ones', () => {
    const pods = [pod('alone', 'n1'), pod('crowded', 'n2')]
    const related = [...pods, pod('other-rs-1', 'n2'), pod('other-rs-2', 'n1', 'Succeeded'), pod('other-rs-3', 'n1', 'Failed')]
    expect(getPodsToDelete(pods, related, 1, NOW).map((p) => p.metadata.name)).toEqual(['crowded'])
  })
})
