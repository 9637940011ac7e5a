// The `cluster.map` call (issue 11 item 6): the nodes as boxes with their pods, the pods no node holds yet, from
// the server's own Tables (STATUS, READY, RESTARTS, IP as kubectl prints them: the map and `kubectl get pods`
// cannot disagree) and the node objects (taints, conditions, allocatable; what the node's pods request, summed
// as `kubectl describe node`'s Allocated resources does: kubectl pkg/util/resource PodRequestsAndLimits).

import type { KubeObject, Table } from '../kube'
import { MAX_MAP_PODS, type ClusterMap, type CpuMemory, type MapCondition, type MapNode, type MapPod, type MapTaint } from '../contract'
import type { Engine } from '../engine'
import { podRequestsAndLimits } from '../kubectl/cmd/describe/pod-resources'
import { milliValue, value } from '../kubectl/cmd/describe/quantity-math'
import type { Pod } from '../kubectl/cmd/describe/types'
import { quantity } from '../kubectl/cmd/describe/quantity-math'

/** Column index by the Table's column name (`Status`, `IP`), -1 when absent. */
function columnIndex(table: Table, name: string): number {
  return table.columnDefinitions.findIndex((c) => c.name === name)
}

/** RESTARTS is `3` or `3 (40s ago)`: its count. */
export function restartCount(cell: string | number | boolean | undefined): number {
  const n = Number.parseInt(String(cell ?? '0'), 10)
  return Number.isFinite(n) ? n : 0
}

/** The pods table as map chips, in the table's order; `images` gives each pod's images by `namespace/name`. */
export function mapPods(table: Table, images: Map<string, string[]> = new Map()): MapPod[] {
  const [ready, status, restarts, ip, node] = ['Ready', 'Status', 'Restarts', 'IP', 'Node'].map((n) => columnIndex(table, n))
  const cell = (cells: Array<string | number | boolean>, i: number) => (i < 0 ? '' : String(cells[i] ?? ''))
  return table.rows.map((row) => {
    const ipCell = cell(row.cells, ip as number)
    const nodeCell = cell(row.cells, node as number)
    return {
      namespace: row.object.metadata.namespace ?? '',
      name: row.object.metadata.name,
      status: cell(row.cells, status as number),
      ready: cell(row.cells, ready as number),
      restarts: restartCount(row.cells[restarts as number]),
      ip: ipCell === '<none>' ? '' : ipCell,
      node: nodeCell === '<none>' ? '' : nodeCell,
      images: images.get(`${row.object.metadata.namespace ?? ''}/${row.object.metadata.name}`) ?? [],
    }
  })
}

interface NodeObject extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: MapTaint[] }
  status?: { allocatable?: Record<string, string>; conditions?: Array<{ type: string; status: string; reason?: string; message?: string }> }
}

/** A condition as a healthy node has it: Ready True, every other (MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable) False. */
const healthy = (c: { type: string; status: string }) => (c.type === 'Ready' ? c.status === 'True' : c.status === 'False')

function readiness(node: NodeObject): MapNode['ready'] {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1)
  return ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown'
}

function cpuMemory(list: Record<string, string> | undefined): CpuMemory {
  return { milliCpu: list?.cpu ? milliValue(quantity(list.cpu)) : 0, memory: list?.memory ? value(quantity(list.memory)) : 0 }
}

/** Requests of the pods bound to each node that are not finished (describe node's non-terminated pods). */
function requestedByNode(pods: Pod[]): Map<string, CpuMemory> {
  const byNode = new Map<string, CpuMemory>()
  for (const pod of pods) {
    const node = pod.spec?.nodeName
    const phase = (pod.status as { phase?: string } | undefined)?.phase
    if (!node || phase === 'Succeeded' || phase === 'Failed') continue
    const { requests } = podRequestsAndLimits(pod)
    const sum = byNode.get(node) ?? { milliCpu: 0, memory: 0 }
    const cpu = requests.get('cpu')
    const memory = requests.get('memory')
    if (cpu) sum.milliCpu += milliValue(cpu)
    if (memory) sum.memory += value(memory)
    byNode.set(node, sum)
  }
  return byNode
}

/**
 * The cluster map now: every node (in the nodes table's order) with its pods, then the unscheduled pods; at
 * most `limit` pods are drawn (the rest counted in omittedPods). Throws what engine.table and engine.list throw.
 */
export function clusterMap(engine: Engine, limit = MAX_MAP_PODS): ClusterMap {
  const nodeTable = engine.table('nodes', undefined)
  const podTable = engine.table('pods', undefined, { wide: true })
  const nodeObjects = new Map(engine.list('nodes').items.map((n) => [n.metadata.name ?? '', n as NodeObject]))
  const podObjects = engine.list('pods').items as unknown as Pod[]
  const requested = requestedByNode(podObjects)
  const images = new Map(
    podObjects.map((p) => [`${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`, [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].map((c) => c.image ?? '')]),
  )
  const statusCol = columnIndex(nodeTable, 'Status')
  const rolesCol = columnIndex(nodeTable, 'Roles')
  const nodes: MapNode[] = nodeTable.rows.map((row) => {
    const name = row.object.metadata.name
    const node = nodeObjects.get(name) ?? ({ metadata: { name } } as NodeObject)
    const problems: MapCondition[] = (node.status?.conditions ?? [])
      .filter((c) => !healthy(c))
      .map((c) => ({ type: c.type, status: c.status, reason: c.reason ?? '', message: c.message ?? '' }))
    return {
      name,
      status: String(row.cells[statusCol] ?? ''),
      ready: readiness(node),
      cordoned: Boolean(node.spec?.unschedulable),
      roles: String(row.cells[rolesCol] ?? '<none>'),
      taints: (node.spec?.taints ?? []).map((t) => (t.value ? { key: t.key, value: t.value, effect: t.effect } : { key: t.key, effect: t.effect })),
      problems,
      allocatable: cpuMemory(node.status?.allocatable),
      requested: requested.get(name) ?? { milliCpu: 0, memory: 0 },
      pods: [],
    }
  })
  const byName = new Map(nodes.map((n) => [n.name, n]))
  const unscheduled: MapPod[] = []
  const pods = mapPods(podTable, images)
  let drawn = 0
  for (const pod of pods) {
    if (drawn >= limit) break
    const box = pod.node ? byName.get(pod.node) : undefined
    if (box) box.pods.push(pod)
    else unscheduled.push(pod)
    drawn++
  }
  return { nodes, unscheduled, totalPods: pods.length, omittedPods: pods.length - drawn }
}
