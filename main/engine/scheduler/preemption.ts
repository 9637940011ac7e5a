// DefaultPreemption, the PostFilter (pkg/scheduler/framework/preemption and plugins/defaultpreemption): for a
// pod that fits nowhere, find the nodes where evicting lower-priority pods would make it fit, pick one by
// upstream's criteria, and nominate it. The victims are chosen per node by removing every lower-priority pod,
// checking the pod then fits, and giving back (most important first) every pod it can do without.
// Its message joins FailedScheduling: `preemption: 0/4 nodes are available: 1 Preemption is not helpful for
// scheduling, 3 No preemption victims found for incoming pod.`

import type { Pod } from '../api/pods/types'
import type { Rng } from '../runtime/rng'
import { parseTime } from '../runtime/clock'
import { histogram, type Diagnosis } from './fit-error'
import { reject, type Rejection, type Snapshot } from './framework'
import { podPriority, withPods, type NodeInfo } from './node-info'

const MIN_CANDIDATE_NODES_PERCENTAGE = 10
const MIN_CANDIDATE_NODES_ABSOLUTE = 100
const NOT_HELPFUL = 'Preemption is not helpful for scheduling'
const PLUGIN = 'DefaultPreemption'

export interface Candidate {
  node: string
  /** Most important first. */
  victims: Pod[]
}

export interface PreemptionOutcome {
  /** The nominated node; '' clears a nomination; undefined leaves it. */
  nominatedNodeName?: string
  candidate?: Candidate
  /** PostFilter's message for FailedScheduling ('' when a candidate was found). */
  message: string
}

/** Filters a NodeInfo for the pod (with nominated pods), as the scheduling cycle does. */
export type FilterNode = (info: NodeInfo) => Rejection | null

const startTime = (pod: Pod): number => parseTime(pod.status?.startTime) ?? Number.MAX_SAFE_INTEGER

/** util.MoreImportantPod: higher priority, then the earlier start. */
export function moreImportant(a: Pod, b: Pod): number {
  const d = podPriority(b) - podPriority(a)
  return d !== 0 ? d : startTime(a) - startTime(b)
}

/** A pod being deleted because of an earlier preemption (DisruptionTarget, PreemptionByScheduler). */
function terminatingByPreemption(pod: Pod): boolean {
  return (
    Boolean(pod.metadata.deletionTimestamp) &&
    Boolean(pod.status?.conditions?.some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler' && c.status === 'True'))
  )
}

/** PodEligibleToPreemptOthers: the reason a pod may not preempt, or undefined. */
function notEligible(pod: Pod, snapshot: Snapshot, d: Diagnosis): string | undefined {
  if (pod.spec.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.'
  const nominated = pod.status?.nominatedNodeName
  if (!nominated) return undefined
  const status = d.nodeToStatus.get(nominated) ?? d.absent
  if (status?.code === 'UnschedulableAndUnresolvable') return undefined
  const info = snapshot.nodes.find((n) => n.node.metadata.name === nominated)
  if (info?.pods.some((p) => podPriority(p) < podPriority(pod) && terminatingByPreemption(p))) {
    return 'not eligible due to a terminating pod on the nominated node.'
  }
  return undefined
}

/** SelectVictimsOnNode: the fewest, least important victims that make the pod fit, or why there are none. */
function selectVictimsOnNode(pod: Pod, info: NodeInfo, fits: FilterNode): Pod[] | Rejection {
  const potential = info.pods.filter((p) => podPriority(p) < podPriority(pod))
  if (potential.length === 0) return reject(PLUGIN, 'UnschedulableAndUnresolvable', 'No preemption victims found for incoming pod')
  const removed = new Set(potential)
  const without = fits(withPods(info, [], removed))
  if (without) return without
  const victims: Pod[] = []
  for (const p of [...potential].sort(moreImportant)) {
    removed.delete(p)
    if (fits(withPods(info, [], removed))) {
      removed.add(p)
      victims.push(p)
    }
  }
  return victims
}

/** calculateNumCandidates: 10% of the nodes, at least 100, at most all. */
const numCandidates = (n: number) => Math.min(n, Math.max(Math.trunc((n * MIN_CANDIDATE_NODES_PERCENTAGE) / 100), MIN_CANDIDATE_NODES_ABSOLUTE))

/** pickOneNodeForPreemption: fewest PDB violations (none here), lowest highest victim priority, lowest sum, fewest victims, latest start. */
function pickOne(candidates: Candidate[]): Candidate | undefined {
  const criteria: Array<(c: Candidate) => number> = [
    (c) => -podPriority(c.victims[0] as Pod),
    (c) => -c.victims.reduce((s, p) => s + podPriority(p) + 2 ** 31, 0),
    (c) => -c.victims.length,
    (c) => {
      const top = podPriority(c.victims[0] as Pod)
      return Math.min(...c.victims.filter((p) => podPriority(p) === top).map(startTime))
    },
  ]
  let all = candidates
  for (const f of criteria) {
    const best = Math.max(...all.map(f))
    const selected = all.filter((c) => f(c) === best)
    if (selected.length === 1) return selected[0]
    all = selected
  }
  return all[0]
}

/** Preempt: the outcome for a pod that fit nowhere, given the filter diagnosis of every node. */
export function preempt(pod: Pod, snapshot: Snapshot, d: Diagnosis, fits: FilterNode, rng: Rng): PreemptionOutcome {
  const reason = notEligible(pod, snapshot, d)
  if (reason) return { message: `preemption: ${reason}` }
  const all = snapshot.nodes.length
  const potential = snapshot.nodes.filter((n) => (d.nodeToStatus.get(n.node.metadata.name ?? '') ?? d.absent)?.code === 'Unschedulable')
  const notHelpful = reject(PLUGIN, 'UnschedulableAndUnresolvable', NOT_HELPFUL)
  const fitError = (statuses: Map<string, Rejection>) =>
    `preemption: 0/${all} nodes are available: ${histogram(statuses, notHelpful, all)}.`
  if (potential.length === 0) return { nominatedNodeName: '', message: fitError(new Map()) }
  const offset = rng.int(potential.length)
  const wanted = numCandidates(potential.length)
  const candidates: Candidate[] = []
  const statuses = new Map<string, Rejection>()
  for (let i = 0; i < potential.length && candidates.length < wanted; i++) {
    const info = potential[(offset + i) % potential.length] as NodeInfo
    const result = selectVictimsOnNode(pod, info, fits)
    if (Array.isArray(result) && result.length > 0) candidates.push({ node: info.node.metadata.name ?? '', victims: result })
    else if (!Array.isArray(result)) statuses.set(info.node.metadata.name ?? '', result)
  }
  const chosen = pickOne(candidates)
  if (!chosen) return { nominatedNodeName: '', message: fitError(statuses) }
  return { nominatedNodeName: chosen.node, candidate: chosen, message: '' }
}
