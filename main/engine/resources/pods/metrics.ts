// metrics.k8s.io/v1beta1 PodMetrics, served read-only as metrics-server 0.7 serves them (pkg/api/pod.go): the
// resource `pods` of group metrics.k8s.io (no short names, get and list only), made at each read from the pods
// and their containers' usage (../../metrics). A pod without metrics yet is NotFound under the metrics group.

import { notFound } from '../../api/errors'
import type { Pod } from '../../api/pods/types'
import { METRICS_GROUP, podMetrics, type PodMetrics } from '../../metrics/metrics-api'
import { usageSourceOf } from '../../metrics/usage'
import type { World } from '../../world'
import { defineKind } from '../definition'

function pods(world: World): { get(namespace: string, name: string): Pod | undefined; list(namespace?: string): Pod[] } {
  return world.informers.informer<Pod>('pods').lister()
}

export const podMetricsKind = defineKind<PodMetrics>({
  resource: 'pods',
  group: METRICS_GROUP,
  version: 'v1beta1',
  kind: 'PodMetrics',
  namespaced: true,
  singular: '',
  shortNames: [],
  categories: [],
  schemaType: 'metrics.v1beta1.PodMetrics',
  strategy: { validate: () => [], validateUpdate: () => [] },
  userVerbs: new Set(),
  computed: {
    list(world, namespace) {
      const now = world.now()
      const source = usageSourceOf(world)
      // The pod lister's order made the API server's: by namespace, then name.
      const all = [...pods(world).list(namespace)].sort(
        (a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
      )
      return all.flatMap((p) => podMetrics(p, now, source) ?? [])
    },
    get(world, namespace = 'default', name) {
      const pod = pods(world).get(namespace, name)
      if (!pod) throw notFound('pods', name)
      const metrics = podMetrics(pod, world.now(), usageSourceOf(world))
      if (!metrics) throw notFound('pods', `${namespace}/${name}`, METRICS_GROUP)
      return metrics
    },
  },
})
