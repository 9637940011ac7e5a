// A port of kubernetes v1.32 pkg/controller/controller_utils_test.go TestSortingActivePodsWithRanks (the cases with
// the 1.32 default gates: PodDeletionCost and LogarithmicScaleDown on).
import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/pods/types'
import { rfc3339 } from '../runtime/clock'
import { deletionCost, lessActivePodWithRank, POD_DELETION_COST, sortActivePodsWithRanks } from './active-pods-ranking'

const NOW = Date.parse('2025-06-15T12:00:00Z')
const HOUR = 3600_000
const then1Month = Date.parse('2025-05-15T12:00:00Z')
const then2Hours = NOW - 2 * HOUR
const then5Hours = NOW - 5 * HOUR
const then8Hours = NOW - 8 * HOUR
const ZERO = undefined

function pod(name: string, nodeName: string, phase: string, ready: boolean, restarts: number, sideRestarts: number, readySince: number | undefined, created: number | undefined, annotations?: Record<string, string>): Pod {
  const p = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(created !== undefined ? { creationTimestamp: rfc3339(created) } : {}), ...(annotations ? { annotations } : {}) },
    spec: { nodeName, containers: [], ...(ready ? { initContainers: [{ name: 'sidecar', restartPolicy: 'Always' }] } : {}) },
    status: { phase },
  } as unknown as Pod
  if (ready) {
    p.status = {
      phase: phase as 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: readySince !== undefined ? rfc3339(readySince) : null }],
      containerStatuses: [{ restartCount: restarts } as never],
      initContainerStatuses: [{ name: 'sidecar', restartCount: sideRestarts } as never],
    }
  }
  return p
}

const unscheduledPod = pod('unscheduled', '', 'Pending', false, 0, 0, ZERO, ZERO)
const scheduledPendingPod = pod('pending', 'node', 'Pending', false, 0, 0, ZERO, ZERO)
const unknownPhasePod = pod('unknown-phase', 'node', 'Unknown', false, 0, 0, ZERO, ZERO)
const runningNotReadyPod = pod('not-ready', 'node', 'Running', false, 0, 0, ZERO, ZERO)
const runningReadyNoLastTransitionTimePod = pod('ready-no-last-transition-time', 'node', 'Running', true, 0, 0, ZERO, ZERO)
const runningReadyNow = pod('ready-now', 'node', 'Running', true, 0, 0, NOW, NOW)
const runningReadyThen = pod('ready-then', 'node', 'Running', true, 0, 0, then1Month, then1Month)
const runningReadyNowHighRestarts = pod('ready-high-restarts', 'node', 'Running', true, 10, 0, NOW, NOW)
const runningReadyNowHighSideRestarts = pod('ready-high-restarts', 'node', 'Running', true, 10, 10, NOW, NOW)
const runningReadyNowCreatedThen = pod('ready-now-created-then', 'node', 'Running', true, 0, 0, NOW, then1Month)
const lowPodDeletionCost = pod('low-deletion-cost', 'node', 'Running', true, 0, 0, NOW, then1Month, { [POD_DELETION_COST]: '10' })
const highPodDeletionCost = pod('high-deletion-cost', 'node', 'Running', true, 0, 0, NOW, then1Month, { [POD_DELETION_COST]: '100' })
const unscheduled5Hours = pod('unscheduled-5-hours', '', 'Pending', false, 0, 0, then5Hours, then5Hours)
const unscheduled8Hours = pod('unscheduled-10-hours', '', 'Pending', false, 0, 0, then8Hours, then8Hours)
const ready2Hours = pod('ready-2-hours', '', 'Running', true, 0, 0, then2Hours, then1Month)
const ready5Hours = pod('ready-5-hours', '', 'Running', true, 0, 0, then5Hours, then1Month)
const ready10Hours = pod('ready-10-hours', '', 'Running', true, 0, 0, then8Hours, then1Month)

describe('ActivePodsWithRanks.Less: equal pods (TestSortingActivePodsWithRanks equalityTests)', () => {
  it.each<[Pod, Pod]>([
    [unscheduledPod, unscheduledPod],
    [scheduledPendingPod, scheduledPendingPod],
    [unknownPhasePod, unknownPhasePod],
    [runningNotReadyPod, runningNotReadyPod],
    [runningReadyNowCreatedThen, runningReadyNowCreatedThen],
    [runningReadyNow, runningReadyNow],
    [runningReadyThen, runningReadyThen],
    [runningReadyNowHighRestarts, runningReadyNowHighRestarts],
    [unscheduled5Hours, unscheduled8Hours],
    [ready5Hours, ready10Hours],
  ])('%s ~ %s', (p1, p2) => {
    expect(lessActivePodWithRank(p1, 1, p2, 1, NOW)).toBe(false)
    expect(lessActivePodWithRank(p2, 1, p1, 1, NOW)).toBe(false)
  })
})

describe('ActivePodsWithRanks.Less: ordered pods (inequalityTests)', () => {
  it.each<[string, Pod, number, Pod, number]>([
    ['unassigned < assigned', unscheduledPod, 1, scheduledPendingPod, 2],
    ['unassigned < assigned, whatever the rank', unscheduledPod, 2, scheduledPendingPod, 1],
    ['pending < unknown', scheduledPendingPod, 1, unknownPhasePod, 2],
    ['unknown < running', unknownPhasePod, 1, runningNotReadyPod, 2],
    ['not ready < ready', runningNotReadyPod, 1, runningReadyNoLastTransitionTimePod, 1],
    ['ready without a time < ready now', runningReadyNoLastTransitionTimePod, 1, runningReadyNow, 1],
    ['more co-located pods first', runningReadyNow, 2, runningReadyNoLastTransitionTimePod, 1],
    ['ready for less time first', runningReadyNow, 1, runningReadyThen, 1],
    ['rank before ready time', runningReadyNow, 2, runningReadyThen, 1],
    ['more restarts first', runningReadyNowHighRestarts, 1, runningReadyNow, 1],
    ['more sidecar restarts first when regular restarts tie', runningReadyNowHighSideRestarts, 1, runningReadyNowHighRestarts, 1],
    ['rank before restarts', runningReadyNow, 2, runningReadyNowHighRestarts, 1],
    ['newer creation first', runningReadyNow, 1, runningReadyNowCreatedThen, 1],
    ['rank before creation', runningReadyNowCreatedThen, 2, runningReadyNow, 1],
    ['lower deletion cost first, before rank', lowPodDeletionCost, 2, highPodDeletionCost, 1],
    ['ready 2h < ready 5h (different log2 buckets)', ready2Hours, 1, ready5Hours, 1],
  ])('%s', (_name, lesser, lesserRank, greater, greaterRank) => {
    expect(lessActivePodWithRank(lesser, lesserRank, greater, greaterRank, NOW)).toBe(true)
    expect(lessActivePodWithRank(greater, greaterRank, lesser, lesserRank, NOW)).toBe(false)
  })
})

describe('sortActivePodsWithRanks', () => {
  it('puts the pods to delete first', () => {
    const sorted = sortActivePodsWithRanks([runningReadyThen, unscheduledPod, runningReadyNow, scheduledPendingPod], [0, 0, 0, 0], NOW)
    expect(sorted.map((p) => p.metadata.name)).toEqual(['unscheduled', 'pending', 'ready-now', 'ready-then'])
  })
})

describe('GetDeletionCostFromPodAnnotations', () => {
  it.each<[string | undefined, number]>([
    [undefined, 0], ['10', 10], ['-5', -5], ['0', 0], ['+10', 0], ['008', 0], ['', 0], ['2147483647', 2147483647], ['2147483648', 0], ['-2147483648', -2147483648], ['1.5', 0],
  ])('%s -> %d', (value, want) => {
    const p = pod('p', 'node', 'Running', false, 0, 0, ZERO, ZERO, value === undefined ? undefined : { [POD_DELETION_COST]: value })
    expect(deletionCost(p)).toBe(want)
  })
})
