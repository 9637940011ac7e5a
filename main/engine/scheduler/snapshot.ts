// The cluster as one scheduling attempt sees it (the cache's Snapshot): every node's NodeInfo in the node
// tree's order (zones interleaved, as upstream's nodeTree lists them), the namespaces' labels, and the
// selectors of a pod's services and owner for the system default spreading (helper.DefaultSelector).
import type { Node } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import type { Lister, SharedInformerFactory } from '../client/informers'
import { controllerOf } from '../controller/controller-ref'
import { everything, selectorFromLabelSelector, selectorFromSet, type LabelSelector, type Selector } from '../labels'
import { definitionFor } from '../resources/registry'
import type { KubeObject } from '../../kube'
import type { Snapshot } from './framework'
import type { NodeInfo } from './node-info'

const REGION = 'topology.kubernetes.io/region'
const ZONE = 'topology.kubernetes.io/zone'

/** nodeTree.list: nodes grouped by region/zone (zones in the order first seen), taken one per zone in turn. */
export function nodeTreeOrder(nodes: Node[]): Node[] {
  if (!nodes.some((n) => n.metadata.labels?.[ZONE] !== undefined || n.metadata.labels?.[REGION] !== undefined)) return nodes
  const zones = new Map<string, Node[]>()
  for (const n of nodes) {
    const labels = n.metadata.labels ?? {}
    const zone = `${labels[REGION] ?? ''}:\u0000:${labels[ZONE] ?? ''}`
    let list = zones.get(zone)
    if (!list) zones.set(zone, (list = []))
    list.push(n)
  }
  if (zones.size <= 1) return [...nodes]
  const lists = [...zones.values()]
  const out: Node[] = []
  for (let i = 0; out.length < nodes.length; i++) for (const l of lists) if (i < l.length) out.push(l[i] as Node)
  return out
}

type WithSelector = KubeObject & { spec?: { selector?: unknown } }

export class SnapshotSource {
  private namespaces!: Lister<KubeObject>

  constructor(private readonly informers: SharedInformerFactory) {
    this.namespaces = informers.informer<KubeObject>('namespaces').lister()
  }

  /** A lister of `resource`, or undefined while Podlab does not serve that kind. */
  private lister(resource: string): Lister<WithSelector> | undefined {
    return definitionFor(resource) ? this.informers.informer<WithSelector>(resource).lister() : undefined
  }

  snapshot(infos: NodeInfo[]): Snapshot {
    return {
      nodes: infos,
      namespaceLabels: (name) => this.namespaces.get('', name)?.metadata.labels ?? undefined,
      namespacesMatching: (matches) =>
        this.namespaces
          .list()
          .filter((ns) => matches(ns.metadata.labels ?? {}))
          .map((ns) => ns.metadata.name ?? ''),
      defaultSelector: (pod) => this.defaultSelector(pod),
    }
  }

  private defaultSelector(pod: Pod): Selector {
    const namespace = pod.metadata.namespace ?? ''
    const labels = pod.metadata.labels ?? {}
    const set: Record<string, string> = {}
    for (const svc of this.lister('services')?.list(namespace) ?? []) {
      const sel = (svc.spec?.selector ?? {}) as Record<string, string>
      if (Object.keys(sel).length > 0 && selectorFromSet(sel).matches(labels)) Object.assign(set, sel)
    }
    let selector = Object.keys(set).length > 0 ? selectorFromSet(set) : everything()
    const ref = controllerOf(pod)
    const owned: Record<string, string> = { ReplicationController: 'replicationcontrollers', ReplicaSet: 'replicasets', StatefulSet: 'statefulsets' }
    const resource = ref ? owned[ref.kind] : undefined
    const owner = ref && resource ? this.lister(resource)?.get(namespace, ref.name) : undefined
    if (owner?.spec?.selector) {
      try {
        const ownerSelector =
          ref?.kind === 'ReplicationController'
            ? selectorFromSet(owner.spec.selector as Record<string, string>)
            : selectorFromLabelSelector(owner.spec.selector as LabelSelector)
        selector = selector.add(...ownerSelector.requirements())
      } catch {
        // An owner selector that does not parse adds nothing, as upstream ignores the error.
      }
    }
    return selector
  }
}
