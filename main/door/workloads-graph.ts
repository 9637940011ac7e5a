// The `workloads.graph` call (issue 11 item 6): Deployment -> ReplicaSet -> Pod and Job -> Pod, each edge from
// the dependent's controller ownerReference (metadata.ownerReferences[].controller, as the garbage collector and
// `kubectl describe`'s "Controlled By" read it). Layout is the renderer's (a graph layout library); this only
// says what is connected. Pods that no Deployment, ReplicaSet or Job controls are left out (the map shows them).

import type { KubeObject } from '../kube'
import { MAX_GRAPH_OBJECTS, type GraphEdge, type GraphObject, type OwnershipGraph } from '../contract'
import type { Engine } from '../engine'
import { mapPods } from './cluster-map'

type Kind = GraphObject['kind']

interface Owned extends KubeObject {
  metadata: KubeObject['metadata'] & { ownerReferences?: Array<{ kind: string; name: string; uid: string; controller?: boolean }> }
  spec?: { replicas?: number; completions?: number | null }
  status?: { readyReplicas?: number; succeeded?: number }
}

const idOf = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`

function controllerOf(o: Owned): { kind: string; name: string } | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller)
}

function workloadStatus(kind: Kind, o: Owned): string {
  if (kind === 'Job') return `${o.status?.succeeded ?? 0}/${o.spec?.completions ?? 1}`
  return `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}`
}

/**
 * The ownership graph of `namespace` (all namespaces when undefined): owners before their dependents, at most
 * `limit` objects (whole chains are not guaranteed past it; `omitted` counts the rest). Throws what engine.list throws.
 */
export function workloadsGraph(engine: Engine, namespace: string | undefined, limit = MAX_GRAPH_OBJECTS): OwnershipGraph {
  const objects: GraphObject[] = []
  const edges: GraphEdge[] = []
  const ids = new Set<string>()
  let omitted = 0
  const add = (kind: Kind, o: Owned, status: string): void => {
    const ns = o.metadata.namespace ?? ''
    const id = idOf(kind, ns, o.metadata.name ?? '')
    const owner = controllerOf(o)
    const ownerId = owner ? idOf(owner.kind, ns, owner.name) : undefined
    // A pod or ReplicaSet shows only under an owner the graph holds.
    if (kind === 'Pod' && (!ownerId || !ids.has(ownerId))) return
    if (objects.length >= limit) {
      omitted++
      return
    }
    objects.push({ id, kind, namespace: ns, name: o.metadata.name ?? '', status })
    ids.add(id)
    if (ownerId && ids.has(ownerId)) edges.push({ from: ownerId, to: id })
  }
  for (const kind of ['Deployment', 'ReplicaSet', 'Job'] as const) {
    const resource = `${kind.toLowerCase()}s`
    for (const o of engine.list(resource, namespace).items as Owned[]) add(kind, o, workloadStatus(kind, o))
  }
  const podTable = engine.table('pods', namespace)
  const status = new Map(mapPods(podTable).map((p) => [`${p.namespace}/${p.name}`, p.status]))
  for (const o of engine.list('pods', namespace).items as Owned[]) add('Pod', o, status.get(`${o.metadata.namespace}/${o.metadata.name}`) ?? '')
  return { objects, edges, omitted }
}
