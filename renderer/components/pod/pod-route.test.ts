// @vitest-environment happy-dom
// Issue 11 item 3: clicking a pod anywhere opens its detail: the pods list's NAME cells link to
// #/pods/NAMESPACE/NAME, which the router resolves to the detail beside the list.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import type { Table } from '../../../main/kube'
import { mount, type Mounted } from '../../testing/mount'
import { createPodlabRouter } from '../../router'
import { usePodsStore } from '../../stores/pods'
import PodsPanel from '../table/PodsPanel.vue'
import { POD_ROUTE, podRoute } from './pod-route'

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const table = (rows: Array<[string, string]>): Table => ({
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '7' },
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
    { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
  ],
  rows: rows.map(([namespace, name]) => ({
    cells: [name, 'Running'],
    object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name, namespace, uid: `uid-${name}`, resourceVersion: '7', creationTimestamp: '2025-01-01T00:00:00Z' } },
  })),
})

describe('links to a pod', () => {
  it('resolve to the pods view\'s child route, with the namespace and name as its params', () => {
    const router = createPodlabRouter('memory')
    const resolved = router.resolve(podRoute('kube-system', 'coredns-7db6d8ff4d-abcde'))
    expect(resolved.href).toBe('/pods/kube-system/coredns-7db6d8ff4d-abcde')
    expect(resolved.name).toBe(POD_ROUTE)
    expect(resolved.matched.map((r) => r.name)).toEqual(['pods', POD_ROUTE])
  })

  it('make each NAME cell of the pods list a link to that pod, in its own namespace', async () => {
    mounted = await mount(defineComponent({ setup: () => () => h(PodsPanel) }))
    const pods = usePodsStore()
    pods.namespace = undefined
    pods.table = table([
      ['default', 'web'],
      ['kube-system', 'etcd-podlab-control-plane'],
    ])
    await nextTick()
    const links = [...mounted.root.querySelectorAll<HTMLAnchorElement>('[data-testid=cell-name] a')]
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['web', '/pods/default/web'],
      ['etcd-podlab-control-plane', '/pods/kube-system/etcd-podlab-control-plane'],
    ])
    // Other cells stay text.
    expect(mounted.root.querySelectorAll('[data-testid=cell-status] a')).toHaveLength(0)
  })
})
