// `kubectl get pods` as the API server builds it: podColumnDefinitions and printPod from
// kubernetes pkg/printers/internalversion/printers.go (the 1.32 tree: it imports coordination/v1alpha2 and
// resource/v1beta1), ported branch for branch. k8s-behaviour.md §1.3 walks through the same algorithm.

import type { Table } from '../../kube'
import type { ContainerStatusHead, PodHead } from './pod-head'
import { timestampSince } from '../../gostd/human-duration'
import { DOCS } from './swagger-docs'
import { column, makeTable, type Cell } from './table'

export const POD_COLUMNS = [
  column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
  column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'string', 'The aggregate status of the containers in this pod.'),
  column(
    'Restarts',
    'string',
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
  ),
  column('Age', 'string', DOCS.objectMetaCreationTimestamp),
  column('IP', 'string', DOCS.podStatusPodIP, { priority: 1 }),
  column('Node', 'string', DOCS.podSpecNodeName, { priority: 1 }),
  column('Nominated Node', 'string', DOCS.podStatusNominatedNodeName, { priority: 1 }),
  column('Readiness Gates', 'string', DOCS.podSpecReadinessGates, { priority: 1 }),
]

/** The server's Table for a pod list (whole pods or their heads), at virtual time `nowMs`. `wide` false drops the priority-1 columns. */
export function podTable(pods: Iterable<PodHead>, nowMs: number, resourceVersion: string, wide = true): Table {
  return makeTable(POD_COLUMNS, podRows(pods, nowMs), resourceVersion, wide)
}

/** Each pod's row as it is read: over ObjectStore.podHeads no pod is held once its row is made. */
function* podRows(pods: Iterable<PodHead>, nowMs: number): Generator<{ object: PodHead; cells: Cell[] }> {
  for (const pod of pods) yield { object: pod, cells: podCells(pod, nowMs) }
}

/** printPod's cells, always including the wide ones: from what a PodHead holds (a whole Pod is one too). */
export function podCells(pod: PodHead, nowMs: number): Cell[] {
  const status: NonNullable<PodHead['status']> = pod.status ?? {}
  const spec = pod.spec
  const initContainers = spec.initContainers ?? []
  // Sidecars (init containers with restartPolicy Always) count towards READY's total.
  const sidecars = new Set(initContainers.filter((c) => c.restartPolicy === 'Always').map((c) => c.name))
  const totalContainers = (spec.containers?.length ?? 0) + sidecars.size

  let restarts = 0
  let sidecarRestarts = 0
  let readyContainers = 0
  let lastRestart = 0
  let lastSidecarRestart = 0

  let reason: string = status.phase ?? ''
  if (status.reason) reason = status.reason
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated'
  }

  let initializing = false
  const initStatuses = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!
    restarts += c.restartCount
    lastRestart = Math.max(lastRestart, finishedAt(c))
    const isSidecar = sidecars.has(c.name)
    if (isSidecar) {
      sidecarRestarts += c.restartCount
      lastSidecarRestart = Math.max(lastSidecarRestart, finishedAt(c))
    }
    const terminated = c.state?.terminated
    const waiting = c.state?.waiting
    if (terminated && terminated.exitCode === 0) continue
    if (isSidecar && c.started === true) {
      if (c.ready) readyContainers++
      continue
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`
      } else {
        reason = `Init:${terminated.reason}`
      }
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`
    } else {
      reason = `Init:${i}/${initContainers.length}`
    }
    initializing = true
    break
  }

  if (!initializing || hasCondition(status, 'Initialized')) {
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    let hasRunning = false
    const statuses = status.containerStatuses ?? []
    // Walked backwards so that the first container's reason is the one left standing.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!
      restarts += c.restartCount
      lastRestart = Math.max(lastRestart, finishedAt(c))
      const waiting = c.state?.waiting
      const terminated = c.state?.terminated
      if (waiting && waiting.reason) {
        reason = waiting.reason
      } else if (terminated && terminated.reason) {
        reason = terminated.reason
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`
      } else if (c.ready && c.state?.running) {
        hasRunning = true
        readyContainers++
      }
    }
    // A finished sidecar-like container must not hide a pod whose other containers still run.
    if (reason === 'Completed' && hasRunning) reason = hasCondition(status, 'Ready') ? 'Running' : 'NotReady'
  }

  const deleting = Boolean(pod.metadata.deletionTimestamp)
  if (deleting && status.reason === 'NodeLost') reason = 'Unknown'
  else if (deleting && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating'

  const restartsCell =
    restarts !== 0 && lastRestart !== 0
      ? `${restarts} (${timestampSince(new Date(lastRestart).toISOString(), nowMs)} ago)`
      : String(restarts)

  return [
    pod.metadata.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsCell,
    timestampSince(pod.metadata.creationTimestamp, nowMs),
    status.podIPs?.[0]?.ip || '<none>',
    spec.nodeName || '<none>',
    status.nominatedNodeName || '<none>',
    readinessGates(pod),
  ]
}

function finishedAt(c: ContainerStatusHead): number {
  const at = c.lastState?.terminated?.finishedAt
  const t = at ? Date.parse(at) : NaN
  return Number.isNaN(t) ? 0 : t
}

function hasCondition(status: NonNullable<PodHead['status']>, type: string): boolean {
  return (status.conditions ?? []).some((c) => c.type === type && c.status === 'True')
}

function readinessGates(pod: PodHead): string {
  const gates = pod.spec.readinessGates ?? []
  if (gates.length === 0) return '<none>'
  let trueConditions = 0
  for (const gate of gates) {
    const condition = (pod.status?.conditions ?? []).find((c) => c.type === gate.conditionType)
    if (condition?.status === 'True') trueConditions++
  }
  return `${trueConditions}/${gates.length}`
}
