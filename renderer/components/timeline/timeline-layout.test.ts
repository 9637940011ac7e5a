import { describe, expect, it } from 'vitest'
import type { ClusterTimeline, TimelinePod } from '../../../main/kube'
import { firstVisibleInterval, layoutRows, rowAt, visibleRows } from './timeline-layout'

const pod = (name: string, owner: string, node: string): TimelinePod => ({ uid: name, namespace: 'default', name, owner, node })

describe('the cluster timeline rows', () => {
  const timeline: Pick<ClusterTimeline, 'pods' | 'intervals'> = {
    pods: [pod('a', 'ReplicaSet/web', 'n2'), pod('solo', '', 'n1'), pod('b', 'ReplicaSet/web', ''), pod('j', 'Job/x', 'n1')],
    intervals: [
      [0, 0, 10, 2, 0],
      [2, 5, 6, 0, 0],
      [0, 10, 20, 4, 1],
    ],
  }

  it('groups by controller within a namespace, the learner\'s namespaces first, the pods without a controller last, pods in creation order', () => {
    const { rows } = layoutRows({ ...timeline, pods: [...timeline.pods, { uid: 'k', namespace: 'kube-system', name: 'kindnet-x', owner: 'DaemonSet/kindnet', node: 'n1' }] }, 'owner')
    expect(rows).toEqual([
      { kind: 'group', label: 'Job/x', namespace: 'default', count: 1 },
      { kind: 'pod', pod: 3 },
      { kind: 'group', label: 'ReplicaSet/web', namespace: 'default', count: 2 },
      { kind: 'pod', pod: 0 },
      { kind: 'pod', pod: 2 },
      { kind: 'group', label: '', namespace: 'default', count: 1 },
      { kind: 'pod', pod: 1 },
      { kind: 'group', label: 'DaemonSet/kindnet', namespace: 'kube-system', count: 1 },
      { kind: 'pod', pod: 4 },
    ])
  })

  it("keeps each pod's intervals in time order", () => {
    expect(layoutRows(timeline, 'owner').intervalsOf).toEqual([[0, 2], [], [1], []])
  })
})

describe('row virtualisation', () => {
  it('draws only the rows in view, plus the overscan, of 10,000', () => {
    expect(visibleRows(0, 600, 20, 10_000, 2)).toEqual({ first: 0, end: 32 })
    expect(visibleRows(100_000, 600, 20, 10_000, 2)).toEqual({ first: 4998, end: 5032 })
    expect(visibleRows(199_500, 600, 20, 10_000, 2)).toEqual({ first: 9973, end: 10_000 })
  })

  it('draws nothing for no rows or no room, and clamps a negative (elastic) scroll', () => {
    expect(visibleRows(0, 600, 20, 0)).toEqual({ first: 0, end: 0 })
    expect(visibleRows(0, 0, 20, 50)).toEqual({ first: 0, end: 0 })
    expect(visibleRows(-40, 100, 20, 50, 0)).toEqual({ first: 0, end: 5 })
  })

  it('finds the row under the pointer, or -1 outside the rows', () => {
    expect(rowAt(45, 1000, 20, 10_000)).toBe(52)
    expect(rowAt(-1, 0, 20, 10)).toBe(-1)
    expect(rowAt(250, 0, 20, 10)).toBe(-1)
  })

  it('finds the first interval still visible by binary search', () => {
    const intervals: ClusterTimeline['intervals'] = Array.from({ length: 1000 }, (_x, i) => [0, i * 10, i * 10 + 10, 0, 0])
    const ids = intervals.map((_x, i) => i)
    expect(firstVisibleInterval(ids, intervals, 0)).toBe(0)
    expect(firstVisibleInterval(ids, intervals, 5_005)).toBe(500)
    expect(firstVisibleInterval(ids, intervals, 5_000)).toBe(499)
    expect(firstVisibleInterval(ids, intervals, 99_999)).toBe(1000)
  })
})
