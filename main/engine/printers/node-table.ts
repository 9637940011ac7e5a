// `kubectl get nodes` as the API server builds it: nodeColumnDefinitions and printNode (with findNodeRoles,
// getNodeInternalIP, getNodeExternalIP) from kubernetes pkg/printers/internalversion/printers.go, 1.32 tree.

import type { Table } from '../../kube'
import type { Node } from '../api/nodes/types'
import { timestampSince } from '../../gostd/human-duration'
import { DOCS } from './swagger-docs'
import { column, makeTable, type Cell } from './table'

export const NODE_COLUMNS = [
  column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
  column('Status', 'string', 'The status of the node'),
  column('Roles', 'string', 'The roles of the node'),
  column('Age', 'string', DOCS.objectMetaCreationTimestamp),
  column('Version', 'string', DOCS.nodeSystemInfoKubeletVersion),
  column('Internal-IP', 'string', DOCS.nodeStatusAddresses, { priority: 1 }),
  column('External-IP', 'string', DOCS.nodeStatusAddresses, { priority: 1 }),
  column('OS-Image', 'string', DOCS.nodeSystemInfoOSImage, { priority: 1 }),
  column('Kernel-Version', 'string', DOCS.nodeSystemInfoKernelVersion, { priority: 1 }),
  column('Container-Runtime', 'string', DOCS.nodeSystemInfoContainerRuntimeVersion, { priority: 1 }),
]

const ROLE_PREFIX = 'node-role.kubernetes.io/'
const ROLE_LABEL = 'kubernetes.io/role'

export function nodeTable(nodes: Node[], nowMs: number, resourceVersion: string, wide = true): Table {
  return makeTable(NODE_COLUMNS, nodes.map((n) => ({ object: n, cells: nodeCells(n, nowMs) })), resourceVersion, wide)
}

export function nodeCells(node: Node, nowMs: number): Cell[] {
  // Only the Ready condition is shown; the last one of its type wins, as in Go's conditionMap.
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1)
  const status: string[] = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown']
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')

  const info = node.status?.nodeInfo ?? {}
  return [
    node.metadata.name ?? '',
    status.join(','),
    findNodeRoles(node).join(',') || '<none>',
    timestampSince(node.metadata.creationTimestamp, nowMs),
    info.kubeletVersion ?? '',
    address(node, 'InternalIP'),
    address(node, 'ExternalIP'),
    info.osImage || '<unknown>',
    info.kernelVersion || '<unknown>',
    info.containerRuntimeVersion || '<unknown>',
  ]
}

/** Roles from `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role=<role>`, sorted and unique (sets.String.List). */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length)
      if (role) roles.add(role)
    } else if (k === ROLE_LABEL && v !== '') {
      roles.add(v)
    }
  }
  return [...roles].sort(goStringLess)
}

function address(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>'
}

/** Go sorts strings by bytes; for the ASCII of label keys that is code-unit order. */
function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
