// @vitest-environment happy-dom
// The cluster map panel as a learner sees it: node boxes with their pods of the namespace shown, the unscheduled
// box, and "why" in words from the recorded verdicts; a pull failure links to the image catalog.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import type { ClusterMap, SchedulingVerdictView } from '../../../main/contract'
import { useApi } from '../../adapter/inject'
import { mount, type Mounted } from '../../testing/mount'
import ClusterMapPanel from './ClusterMapPanel.vue'

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const pod = (namespace: string, name: string, status: string, node: string, images = ['nginx']) => ({ namespace, name, status, ready: '1/1', restarts: 0, ip: node ? '10.244.1.2' : '', node, images })
const node = (name: string, pods: ReturnType<typeof pod>[], extra: Partial<ClusterMap['nodes'][number]> = {}) => ({
  name,
  status: 'Ready',
  ready: 'Ready' as const,
  cordoned: false,
  roles: '<none>',
  taints: [],
  problems: [],
  allocatable: { milliCpu: 4000, memory: 8 * 1024 ** 3 },
  requested: { milliCpu: 350, memory: 114 * 1024 ** 2 },
  pods,
  ...extra,
})
const MAP: ClusterMap = {
  nodes: [
    node('podlab-worker', [pod('default', 'web-1', 'Running', 'podlab-worker'), pod('kube-system', 'kindnet-x', 'Running', 'podlab-worker')]),
    node('podlab-worker2', [pod('default', 'bad', 'ImagePullBackOff', 'podlab-worker2', ['helloimage'])], { status: 'Ready,SchedulingDisabled', cordoned: true }),
  ],
  unscheduled: [pod('default', 'huge', 'Pending', '')],
  totalPods: 4,
  omittedPods: 0,
}
const VERDICT: SchedulingVerdictView = {
  podUid: 'u',
  namespace: 'default',
  pod: 'huge',
  slot: 'last',
  at: 0,
  outcome: 'Unschedulable',
  message: '0/2 nodes are available: 2 Insufficient cpu.',
  requests: { milliCpu: 100_000, memory: 0 },
  allNodes: 2,
  notEvaluated: 0,
  rejected: [{ node: 'podlab-worker', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'], free: { milliCpu: 3650, memory: 0 } }],
  scored: [],
  scoredNodes: 0,
}

/** The panel with the api answering `cluster.map` and `scheduling.verdicts` as a host would. */
const Page = defineComponent({
  emits: ['images'],
  setup(_props, { emit }) {
    const api = useApi() as unknown as Record<string, unknown>
    api['cluster.map'] = async () => ({ ok: true, result: MAP })
    api['scheduling.verdicts'] = async () => ({ ok: true, result: { verdicts: [VERDICT] } })
    return () => h(ClusterMapPanel, { onImages: (q: string) => emit('images', q) }, { 'node-actions': ({ node: n }: { node: { name: string } }) => h('button', { 'data-testid': `menu-${n.name}` }, 'menu') })
  },
})

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0))
    await nextTick()
  }
}
const q = (id: string) => mounted!.root.querySelector(`[data-testid="${id}"]`)

describe('ClusterMapPanel', () => {
  it('draws a box per node with the default namespace’s pods, counting the others, and the unscheduled box', async () => {
    mounted = await mount(Page)
    await settle()
    expect(q('map-node-podlab-worker')?.querySelectorAll('[data-testid^="map-pod-"]')).toHaveLength(1)
    expect(q('map-pod-web-1')?.getAttribute('data-status')).toBe('Running')
    expect(q('map-pod-web-1')?.className).toContain('tone-ok')
    expect(q('map-node-hidden-podlab-worker')?.textContent).toBe('+ 1 pods in other namespaces')
    expect(q('map-node-status-podlab-worker2')?.textContent).toBe('Ready,SchedulingDisabled')
    expect(q('map-node-podlab-worker2')?.textContent).toContain('cordoned')
    expect(q('map-unscheduled')?.textContent).toContain('huge')
    expect(q('map-pod-bad')?.className).toContain('tone-error')
    // The actions menu goes in each box's slot.
    expect(q('map-node-actions-podlab-worker')?.querySelector('[data-testid="menu-podlab-worker"]')).not.toBeNull()
    expect((q('map-pod-web-1')?.querySelector('a') as HTMLAnchorElement).getAttribute('href')).toContain('/pods/default/web-1')
  })

  it('explains why a pod is Pending in words, with the node’s free cpu', async () => {
    mounted = await mount(Page)
    await settle()
    ;(q('map-why-huge') as HTMLButtonElement).click()
    await settle()
    const why = q('why-last')?.textContent ?? ''
    expect(why).toContain('Pending since the attempt at 00:00:00: 0/2 nodes are available: 2 Insufficient cpu.')
    expect(why).toContain('podlab-worker: Insufficient cpu (requests 100, free 3.7)')
    ;(q('why-close') as HTMLButtonElement).click()
    await settle()
    expect(q('why-panel')).toBeNull()
  })

  it('links a pull failure to the image catalog with the pod’s image', async () => {
    let asked: string | undefined
    const Wrapper = defineComponent({ setup: () => () => h(Page, { onImages: (img: string) => (asked = img) }) })
    mounted = await mount(Wrapper)
    await settle()
    ;(q('map-why-bad') as HTMLButtonElement).click()
    await settle()
    ;(q('why-pull-failed') as HTMLButtonElement).click()
    expect(asked).toBe('helloimage')
  })
})
