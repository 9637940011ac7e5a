// describe.go NodeDescriber / describeNode / describeNodeResource (v0.32.5): `kubectl describe node`, with its
// Lease, the non-terminated pods on it (a LIST by field selector) and what they request of its allocatable.

import type { KubeObject } from '../../../kube'
import type { DescribeContext } from './describer'
import { describeEvents, searchEvents, type CoreEvent } from './events'
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z, since, sortedKeys, type Taint } from './format'
import { podRequestsAndLimits, type Quantities } from './pod-resources'
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer'
import { add, milliValue, quantity, quantityText, value, ZERO } from './quantity-math'
import type { Pod, ResourceList } from './types'
import { errorString, fromThrown } from '../../errors'

export interface Node extends KubeObject {
  spec?: { taints?: Taint[]; unschedulable?: boolean; podCIDR?: string; podCIDRs?: string[]; providerID?: string }
  status?: {
    capacity?: ResourceList
    allocatable?: ResourceList
    conditions?: Array<{ type: string; status: string; lastHeartbeatTime?: string; lastTransitionTime?: string; reason?: string; message?: string }>
    addresses?: Array<{ type: string; address: string }>
    nodeInfo?: Record<string, string>
  }
}

interface Lease extends KubeObject {
  spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string }
}

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/'
const NODE_LABEL_ROLE = 'kubernetes.io/role'

/** NodeDescriber.Describe. Throws the node GET's or the pods LIST's ApiError. */
export function describeNodeByName(ctx: DescribeContext, _namespace: string, name: string): string {
  const node = ctx.engine.get('nodes', undefined, name) as Node
  const fieldSelector = `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`
  const pods = ctx.engine.list('pods', undefined, { fieldSelector }).items as Pod[]
  let events: CoreEvent[] | undefined
  if (ctx.settings.showEvents) {
    // The node controller names the node's UID, the kubelet its name: both searches, merged.
    const search = (uid: string) => {
      try {
        return searchEvents(ctx.engine, { kind: 'Node', name, namespace: '', uid })
      } catch {
        return []
      }
    }
    events = [...search(node.metadata.uid ?? ''), ...search(name)]
  }
  let lease: Lease | { error: string }
  try {
    lease = ctx.engine.get('leases', 'kube-node-lease', name, 'coordination.k8s.io') as Lease
  } catch (e) {
    lease = { error: errorString(fromThrown(e)) }
  }
  return describeNode(node, pods, events, lease, ctx.nowMs)
}

function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length)
      if (role) roles.add(role)
    } else if (k === NODE_LABEL_ROLE && v !== '') roles.add(v)
  }
  return [...roles].sort()
}

export function describeNode(node: Node, pods: Pod[], events: CoreEvent[] | undefined, lease: Lease | { error: string }, nowMs: number): string {
  return tabbedString((w) => {
    const spec = node.spec ?? {}
    const status = node.status ?? {}
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`)
    const roles = findNodeRoles(node)
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', node.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`)
    printTaintsMultiline(w, 'Taints', spec.taints)
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`)
    if ('error' in lease) {
      w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease.error}\n`)
    } else {
      w.write(LEVEL_0, 'Lease:\n')
      w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`)
      w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`)
      w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`)
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of status.conditions!) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
      }
    }
    w.write(LEVEL_0, 'Addresses:\n')
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
    const printResourceList = (list: ResourceList) => {
      for (const name of sortedKeys(list)) w.write(LEVEL_0, `  ${name}:\t${quantityText(quantity(list[name]))}\n`)
    }
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n')
      printResourceList(status.capacity!)
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n')
      printResourceList(status.allocatable!)
    }
    const info = status.nodeInfo ?? {}
    w.write(LEVEL_0, 'System Info:\n')
    const infoLines: Array<[string, string]> = [
      ['Machine ID', 'machineID'],
      ['System UUID', 'systemUUID'],
      ['Boot ID', 'bootID'],
      ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'],
      ['Operating System', 'operatingSystem'],
      ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'],
      ['Kubelet Version', 'kubeletVersion'],
      ['Kube-Proxy Version', 'kubeProxyVersion'],
    ]
    for (const [title, key] of infoLines) w.write(LEVEL_0, `  ${title}:\t${info[key] ?? ''}\n`)
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`)
    if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs!.join(',')}\n`)
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`)
    describeNodeResource(pods, node, w, nowMs)
    if (events) describeEvents(events, w, nowMs)
  })
}

/** int64(float64(part) / float64(whole) * 100), Go's truncation of a float percentage (0 when whole is 0). */
const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.trunc((part / whole) * 100))

function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, nowMs: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status!.allocatable! : (node.status?.capacity ?? {})
  const cpu = milliValue(quantity(allocatable.cpu))
  const memory = value(quantity(allocatable.memory))
  const storage = value(quantity(allocatable['ephemeral-storage']))
  const get = (m: Quantities, name: string) => m.get(name) ?? ZERO
  const totals = { requests: new Map() as Quantities, limits: new Map() as Quantities }
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod)
    for (const [side, m] of [['requests', requests], ['limits', limits]] as const) {
      for (const [name, q] of m) totals[side].set(name, totals[side].has(name) ? add(totals[side].get(name)!, q) : q)
    }
    const cell = (q: ReturnType<typeof get>, whole: number, milli: boolean) => `${quantityText(q)} (${percent(milli ? milliValue(q) : value(q), whole)}%)`
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${cell(get(requests, 'cpu'), cpu, true)}\t${cell(get(limits, 'cpu'), cpu, true)}\t${cell(get(requests, 'memory'), memory, false)}\t${cell(get(limits, 'memory'), memory, false)}\t${since(pod.metadata.creationTimestamp, nowMs)}\n`,
    )
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  const line = (name: string, whole: number, milli: boolean) => {
    const r = get(totals.requests, name)
    const l = get(totals.limits, name)
    const v = milli ? milliValue : value
    w.write(LEVEL_1, `${name}\t${quantityText(r)} (${percent(v(r), whole)}%)\t${quantityText(l)} (${percent(v(l), whole)}%)\n`)
  }
  line('cpu', cpu, true)
  line('memory', memory, false)
  line('ephemeral-storage', storage, false)
  const names = sortedKeys(allocatable)
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) line(name, value(quantity(allocatable[name])), false)
  const standard = ['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.includes(n) && n.includes('/'))) {
    w.write(LEVEL_1, `${name}\t${quantityText(get(totals.requests, name))}\t${quantityText(get(totals.limits, name))}\n`)
  }
}
