import { describe, expect, it } from 'vitest'
import { backoffDuration, SchedulingQueue } from './scheduling-queue'
import { FILTERS } from './profile'
import { makeNode, makePod } from './testing/fixtures'

function queue() {
  let now = 1_735_689_600_000
  const woken: Array<[string, number]> = []
  const q = new SchedulingQueue({ wakeAt: (key, at) => woken.push([key, at]), wake: (key) => woken.push([key, now]) }, () => now, FILTERS)
  return { q, woken, at: (ms: number) => (now = 1_735_689_600_000 + ms) }
}

describe('scheduling queue (backend/queue/scheduling_queue.go)', () => {
  it('back-off: 1 s, doubling per attempt, capped at podMaxBackoffDuration 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(backoffDuration)).toEqual([0, 1000, 2000, 4000, 8000, 10000, 10000])
  })

  it('pops by priority, then by the time the pod was queued (PrioritySort)', () => {
    const { q } = queue()
    q.addOrUpdate('default/low', makePod('low', { priority: 0 }))
    q.addOrUpdate('default/high', makePod('high', { priority: 100 }))
    q.addOrUpdate('default/low2', makePod('low2', { priority: 0 }))
    expect([q.pop()?.key, q.pop()?.key, q.pop()?.key, q.pop()]).toEqual(['default/high', 'default/low', 'default/low2', undefined])
  })

  it('an unschedulable pod is flushed on the first 30 s tick after 5 minutes in unschedulablePods', () => {
    const { q, woken, at } = queue()
    q.addOrUpdate('default/p', makePod('p'))
    const info = q.pop()!
    q.addUnschedulable(info, info.pod, new Set(['NodeAffinity']))
    // failed at 0: 300 s is not more than 5 min; the flush at 330 s moves it.
    expect(woken.at(-1)).toEqual(['default/p', 1_735_689_600_000 + 330_000])
    at(300_000)
    q.timerFired('default/p')
    expect(q.activeKey()).toBeUndefined()
    at(330_000)
    q.timerFired('default/p')
    expect(q.activeKey()).toBe('default/p')
  })

  it('a cluster event moves the pod only when a plugin that rejected it says it may help (queueing hints)', () => {
    const { q, at } = queue()
    q.addOrUpdate('default/p', makePod('p', { nodeSelector: { disktype: 'ssd' } }))
    const info = q.pop()!
    q.addUnschedulable(info, info.pod, new Set(['NodeAffinity']))
    at(20_000)
    q.clusterEvent({ kind: 'NodeAdd', node: makeNode('hdd', { disktype: 'hdd' }) })
    expect(q.activeKey()).toBeUndefined()
    q.clusterEvent({ kind: 'AssignedPodDelete', pod: makePod('other', { nodeName: 'n' }) })
    expect(q.activeKey()).toBeUndefined()
    q.clusterEvent({ kind: 'NodeAdd', node: makeNode('ssd', { disktype: 'ssd' }) })
    expect(q.activeKey()).toBe('default/p')
  })

  it('a pod moved while still backing off waits in backoffQ until the 1 s tick after its back-off ends', () => {
    const { q, woken, at } = queue()
    q.addOrUpdate('default/p', makePod('p'))
    const info = q.pop()!
    at(200)
    q.addUnschedulable(info, info.pod, new Set(['NodeResourcesFit']))
    at(500)
    q.clusterEvent({ kind: 'AssignedPodDelete', pod: makePod('other', { nodeName: 'n' }) })
    expect(q.activeKey()).toBeUndefined()
    // attempt 1: back-off 1 s from the failure at 0.2 s ends at 1.2 s; the backoffQ flush runs each second.
    expect(woken.at(-1)).toEqual(['default/p', 1_735_689_600_000 + 2_000])
    at(2_000)
    q.timerFired('default/p')
    expect(q.activeKey()).toBe('default/p')
  })

  it('the scheduler\'s own status update of an unschedulable pod does not requeue it (isPodUpdated ignores status)', () => {
    const { q, at } = queue()
    const pod = makePod('p')
    q.addOrUpdate('default/p', pod)
    const info = q.pop()!
    q.addUnschedulable(info, pod, new Set(['NodeAffinity']))
    q.addOrUpdate('default/p', { ...pod, metadata: { ...pod.metadata, resourceVersion: '9' }, status: { conditions: [] } })
    expect(q.activeKey()).toBeUndefined()
    at(5_000)
    q.addOrUpdate('default/p', { ...pod, metadata: { ...pod.metadata, labels: { x: 'y' } } })
    expect(q.activeKey()).toBe('default/p')
  })
})
