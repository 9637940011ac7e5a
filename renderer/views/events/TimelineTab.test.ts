// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { ClusterTimeline } from '../../../main/kube'
import type { Mounted } from '../../testing/mount'
import { mountLater } from '../../testing/mount-later'
import TimelineTab from './TimelineTab.vue'

let mounted: Mounted | null = null
afterEach(() => mounted?.unmount())
const mountWith = (timeline: ClusterTimeline): Promise<Mounted> => mountLater(TimelineTab, (m) => m.fake.answer('cluster.timeline', () => ({ ok: true, result: timeline })))
const settle = () => new Promise((done) => setTimeout(done, 0))

const T0 = Date.UTC(2025, 0, 1)
const timeline: ClusterTimeline = {
  now: T0 + 60_000,
  from: 0,
  to: T0 + 60_000,
  pods: [
    { uid: 'a', namespace: 'default', name: 'web-1', owner: 'ReplicaSet/web', node: 'n1' },
    { uid: 'b', namespace: 'default', name: 'web-2', owner: 'ReplicaSet/web', node: 'n2' },
    { uid: 'c', namespace: 'default', name: 'crash', owner: '', node: 'n3' },
  ],
  labels: ['Running', 'CrashLoopBackOff'],
  intervals: [
    [0, T0, T0 + 60_000, 2, 0],
    [1, T0, T0 + 60_000, 2, 0],
    [2, T0, T0 + 60_000, 5, 1],
  ],
  truncated: false,
}

describe('the cluster over time tab', () => {
  it('asks for the timeline and lays out a row per pod under its group; grouping by node regroups them', async () => {
    mounted = await mountWith(timeline)
    expect(mounted.fake.calls.map((c) => c.call)).toContain('cluster.timeline')
    const canvas = () => mounted!.root.querySelector('[data-testid="timeline-canvas"]')
    // ReplicaSet/web (2 pods), then no controller (1 pod): 2 group rows + 3 pod rows.
    expect(canvas()?.getAttribute('data-rows')).toBe('5')
    const select = mounted.root.querySelector<HTMLSelectElement>('[data-testid="timeline-group-by"]')!
    select.value = 'node'
    select.dispatchEvent(new Event('change'))
    await settle()
    // n1, n2, n3: 3 group rows + 3 pod rows.
    expect(canvas()?.getAttribute('data-rows')).toBe('6')
    expect(mounted.root.querySelector('[data-testid="timeline-scroller"]')?.getAttribute('aria-label')).toContain('3 pods')
    expect([...mounted.root.querySelectorAll('[data-testid="timeline-legend"] li')].map((li) => li.textContent)).toEqual([
      'Pending',
      'Waiting (ContainerCreating, ImagePullBackOff…)',
      'Running',
      'Succeeded / Completed',
      'Failed / Error',
      'CrashLoopBackOff',
      'Terminating',
    ])
  })

  it('says what to do when the cluster has no pods yet', async () => {
    mounted = await mountWith({ ...timeline, pods: [], intervals: [] })
    expect(mounted.root.querySelector('[data-testid="timeline-empty"]')?.textContent).toContain('No pods yet')
    expect(mounted.root.querySelector('[data-testid="timeline-canvas"]')).toBeNull()
  })
})
