// metrics.k8s.io/v1beta1 NodeMetrics, served read-only as metrics-server 0.7 serves them (pkg/api/node.go): the
// resource `nodes` of group metrics.k8s.io (cluster-scoped, get and list only), made at each read from the
// node's own daemons and its pods' usage (../../metrics). A node without metrics is NotFound under the group.

import { notFound } from '../../api/errors'
import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import { METRICS_GROUP, nodeMetrics, type NodeMetrics } from '../../metrics/metrics-api'
import { usageSourceOf } from '../../metrics/usage'
import type { World } from '../../world'
import { defineKind } from '../definition'

function metricsOf(world: World, node: Node): NodeMetrics | undefined {
  const pods = world.informers.informer<Pod>('pods').lister().byIndex('nodeName', node.metadata.name ?? '')
  return nodeMetrics(node, pods, world.now(), usageSourceOf(world))
}

export const nodeMetricsKind = defineKind<NodeMetrics>({
  resource: 'nodes',
  group: METRICS_GROUP,
  version: 'v1beta1',
  kind: 'NodeMetrics',
  namespaced: false,
  singular: '',
  shortNames: [],
  categories: [],
  schemaType: 'metrics.v1beta1.NodeMetrics',
  strategy: { validate: () => [], validateUpdate: () => [] },
  userVerbs: new Set(),
  computed: {
    list(world) {
      const nodes = [...world.informers.informer<Node>('nodes').lister().list()]
      nodes.sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
      return nodes.flatMap((n) => metricsOf(world, n) ?? [])
    },
    get(world, _namespace, name) {
      const node = world.informers.informer<Node>('nodes').lister().get('', name)
      if (!node) throw notFound('nodes', name)
      const metrics = metricsOf(world, node)
      if (!metrics) throw notFound('nodes', name, METRICS_GROUP)
      return metrics
    },
  },
})
