// Cases ported from kubernetes pkg/printers/internalversion/printers_test.go TestPrintPod (1.32 tree), with
// time.Now() replaced by a fixed virtual NOW; plus the column definitions of podColumnDefinitions.
import { describe, expect, it } from 'vitest'
import type { ContainerStatus, Pod, PodStatus } from '../api/pods/types'
import { POD_COLUMNS, podCells, podTable } from './pod-table'

const NOW = Date.parse('2025-03-01T12:00:00Z')
const ago = (ms: number): string => new Date(NOW - ms).toISOString()

function pod(name: string, containers: number, status: PodStatus, init = 0, extra: Partial<Pod['metadata']> = {}): Pod {
  const c = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}` }))
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...extra },
    spec: { containers: c('c', containers), ...(init ? { initContainers: c('i', init) } : {}) },
    status,
  }
}

function cs(fields: Partial<ContainerStatus>): ContainerStatus {
  return { name: 'c', state: {}, lastState: {}, ready: false, restartCount: 0, image: '', imageID: '', ...fields }
}
const running = { running: {} }
const finished = (ms: number) => ({ terminated: { exitCode: 0, finishedAt: ago(ms) } })

describe('podCells (printers_test.go TestPrintPod)', () => {
  const cases: Array<[string, Pod, string[]]> = [
    [
      'test1: name, container count, restarts, ready',
      pod('test1', 2, { phase: 'podPhase' as never, containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })] }),
      ['test1', '1/2', 'podPhase', '6', '<unknown>'],
    ],
    [
      'test2: container waiting reason overwrites the phase',
      pod('test2', 2, {
        phase: 'podPhase' as never,
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } })],
      }),
      ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      'test3: the first container overwrites the rest',
      pod('test3', 2, {
        phase: 'podPhase' as never,
        containerStatuses: [
          cs({ restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } }),
          cs({ restartCount: 3, state: { terminated: { exitCode: 0, reason: 'ContainerTerminatedReason' } } }),
        ],
      }),
      ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
    ],
    [
      'test5: status.reason wins over the phase',
      pod('test5', 2, {
        phase: 'podPhase' as never,
        reason: 'podReason',
        containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })],
      }),
      ['test5', '1/2', 'podReason', '6', '<unknown>'],
    ],
    [
      'test6: Completed + running without Ready condition is NotReady',
      pod('test6', 2, {
        phase: 'Running',
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: { terminated: { exitCode: 0, reason: 'Completed' } } }),
          cs({ ready: true, restartCount: 3, state: running }),
        ],
      }),
      ['test6', '1/2', 'NotReady', '6', '<unknown>'],
    ],
    [
      'test6b: Completed + running with Ready condition is Running',
      pod('test6', 2, {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: null }],
        containerStatuses: [
          cs({ ready: true, restartCount: 3, state: { terminated: { exitCode: 0, reason: 'Completed' } } }),
          cs({ ready: true, restartCount: 3, state: running }),
        ],
      }),
      ['test6', '1/2', 'Running', '6', '<unknown>'],
    ],
    [
      'test7: restarting init container shows Init:0/1 and its last restart',
      pod(
        'test7',
        1,
        {
          phase: 'podPhase' as never,
          initContainerStatuses: [cs({ restartCount: 3, state: running, lastState: finished(10_000) })],
          containerStatuses: [cs({ state: { waiting: {} } })],
        },
        1,
      ),
      ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
    ],
    [
      'test10: completed init container restarts are added',
      pod(
        'test10',
        1,
        {
          phase: 'podPhase' as never,
          initContainerStatuses: [
            cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: finished(120_000) }),
            cs({ restartCount: 3, state: running, lastState: finished(10_000) }),
          ],
          containerStatuses: [cs({ state: { waiting: {} } })],
        },
        2,
      ),
      ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
    ],
    [
      'test11: once initialized only app container restarts count',
      pod(
        'test11',
        1,
        {
          phase: 'Running',
          initContainerStatuses: [cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: finished(120_000) })],
          containerStatuses: [cs({ restartCount: 4, state: running, lastState: finished(20_000) })],
        },
        1,
      ),
      ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
    ],
    [
      'test14: the latest restart of all containers is shown',
      pod('test14', 2, {
        phase: 'Running',
        containerStatuses: [
          cs({ ready: true, restartCount: 6, state: running, lastState: finished(5 * 86_400_000) }),
          cs({ ready: true, restartCount: 3, state: running, lastState: finished(20 * 86_400_000) }),
        ],
      }),
      ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
    ],
    [
      'test15: PodScheduled reason SchedulingGated',
      pod('test15', 2, {
        phase: 'podPhase' as never,
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', lastProbeTime: null, lastTransitionTime: null }],
      }),
      ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
    ],
    [
      'test18: a succeeded pod being deleted is not Terminating',
      pod(
        'test18',
        1,
        { phase: 'Succeeded', containerStatuses: [cs({ state: { terminated: { exitCode: 0, reason: 'Completed' } } })] },
        0,
        { deletionTimestamp: ago(10_000) },
      ),
      ['test18', '0/1', 'Completed', '0', '<unknown>'],
    ],
    [
      'test19: a running pod being deleted is Terminating',
      pod('test19', 1, { phase: 'Running', containerStatuses: [cs({ ready: true, state: running })] }, 0, { deletionTimestamp: ago(10_000) }),
      ['test19', '1/1', 'Terminating', '0', '<unknown>'],
    ],
    [
      'NodeLost pod being deleted is Unknown (§1.3)',
      pod('lost', 1, { phase: 'Running', reason: 'NodeLost' }, 0, { deletionTimestamp: ago(1000) }),
      ['lost', '0/1', 'Unknown', '0', '<unknown>'],
    ],
    [
      'terminated without reason shows ExitCode / Signal (§1.3)',
      pod('exit', 2, {
        phase: 'Running',
        containerStatuses: [cs({ state: { terminated: { exitCode: 3 } } }), cs({ state: { terminated: { exitCode: 137, signal: 9 } } })],
      }),
      ['exit', '0/2', 'ExitCode:3', '0', '<unknown>'],
    ],
  ]
  it.each(cases)('%s', (_name, p, want) => expect(podCells(p, NOW).slice(0, 5)).toEqual(want))

  it('AGE is HumanDuration(now - creationTimestamp)', () => {
    const p = pod('x', 1, { phase: 'Pending' }, 0, { creationTimestamp: ago(190_000) })
    expect(podCells(p, NOW)[4]).toBe('3m10s')
  })

  it('counts a started sidecar towards READY (restartPolicy Always init container)', () => {
    const p = pod('side', 1, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: null }],
      initContainerStatuses: [cs({ name: 'i0', ready: true, started: true, restartCount: 1, state: running, lastState: finished(25_000) })],
      containerStatuses: [cs({ ready: true, state: running })],
    }, 1)
    p.spec.initContainers![0]!.restartPolicy = 'Always'
    expect(podCells(p, NOW).slice(1, 4)).toEqual(['2/2', 'Running', '1 (25s ago)'])
  })
})

describe('podCells wide columns (printPod options.Wide)', () => {
  it('prints <none> for unset IP, node, nominated node and gates', () => {
    expect(podCells(pod('x', 1, {}), NOW).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>'])
  })
  it('prints podIPs[0], nodeName, nominatedNodeName and true gates / total', () => {
    const p = pod('x', 1, {
      podIPs: [{ ip: '10.244.0.5' }, { ip: 'fd00::5' }],
      nominatedNodeName: 'node-2',
      conditions: [{ type: 'example.com/gate', status: 'True', lastProbeTime: null, lastTransitionTime: null }],
    })
    p.spec.nodeName = 'node-1'
    p.spec.readinessGates = [{ conditionType: 'example.com/gate' }, { conditionType: 'example.com/other' }]
    expect(podCells(p, NOW).slice(5)).toEqual(['10.244.0.5', 'node-1', 'node-2', '1/2'])
  })
})

describe('podTable (podColumnDefinitions)', () => {
  it('declares the columns, types, formats and priorities of printers.go', () => {
    expect(POD_COLUMNS.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ])
    expect(POD_COLUMNS[5]!.description).toBe('podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.')
  })
  it('builds a meta.k8s.io/v1 Table with PartialObjectMetadata rows', () => {
    const p = pod('x', 1, { phase: 'Running' }, 0, { namespace: 'default', uid: 'u1', resourceVersion: '7', creationTimestamp: ago(5000) })
    const t = podTable([p], NOW, '42')
    expect(t.metadata.resourceVersion).toBe('42')
    expect(t.rows[0]!.cells).toHaveLength(9)
    expect(t.rows[0]!.object).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { name: 'x', namespace: 'default', uid: 'u1', resourceVersion: '7', creationTimestamp: ago(5000) },
    })
  })
  it('drops priority-1 columns and cells together when not wide', () => {
    const t = podTable([pod('x', 1, {})], NOW, '1', false)
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age'])
    expect(t.rows[0]!.cells).toHaveLength(5)
  })
})
