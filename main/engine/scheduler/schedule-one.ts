// One scheduling attempt (schedulePod in pkg/scheduler/schedule_one.go): PreFilter, then Filter over the nodes
// from a start index that rotates between attempts, stopping once numFeasibleNodesToFind nodes fit
// (percentageOfNodesToScore's adaptive default), with the nominated pods of equal or higher priority counted
// on their node; then PreScore, Score, NormalizeScore and weights, and selectHost. Every node's verdict and
// score is kept for "why this node" and "why Pending".

import type { Pod } from '../api/pods/types'
import type { Rng } from '../runtime/rng'
import type { Diagnosis } from './fit-error'
import { CycleState, MAX_NODE_SCORE, type FilterPlugin, type Rejection, type ScorePlugin, type Snapshot } from './framework'
import { PREFILTER_NODE_NAMES } from './filters/node-affinity'
import { podPriority, withPods, type NodeInfo } from './node-info'
import { selectHost } from './select-host'

const MIN_FEASIBLE_NODES_TO_FIND = 100
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5
/** numberOfHighestScoredNodesToReport */
const NODES_TO_REPORT = 3

/** numFeasibleNodesToFind with percentageOfNodesToScore unset (0): 50% - nodes/125, at least 5%, at least 100 nodes. */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes
  const percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125))
  const numNodes = Math.trunc((numAllNodes * percentage) / 100)
  return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND)
}

/** A node's part in an attempt: why it was rejected, or its scores (weighted, by plugin) when it fit. */
export interface NodeVerdict {
  node: string
  rejection?: { plugin: string; reasons: string[]; free?: { milliCpu: number; memory: number } }
  /** Weighted normalized score per score plugin (absent when scoring was skipped: a single feasible node). */
  scores?: Record<string, number>
  totalScore?: number
}

export interface Attempt {
  diagnosis: Diagnosis
  feasible: string[]
  /** The chosen node, or undefined when none fits. */
  node?: string
  verdicts: NodeVerdict[]
  /** Nodes not looked at once enough fit (percentageOfNodesToScore). */
  notEvaluated: number
  /** The cycle state and the filters that ran, for preemption's dry runs. */
  state: CycleState
  filters?: FilterPlugin[]
}

export interface Profile {
  filters: readonly FilterPlugin[]
  scores: readonly ScorePlugin[]
}

export class ScheduleAlgorithm {
  /** Where the next attempt starts looking (nextStartNodeIndex), so every node gets its turn. */
  private nextStartNodeIndex = 0

  constructor(
    private readonly profile: Profile,
    private readonly rng: () => Rng,
  ) {}

  /**
   * Filters every node for `pod` in `snapshot`, then scores the feasible ones. `nominated(node)` gives the pods
   * preemption nominated to a node.
   */
  schedulePod(pod: Pod, snapshot: Snapshot, nominated: (node: string) => Pod[]): Attempt {
    const state = new CycleState(pod, snapshot)
    const diagnosis: Diagnosis = { nodeToStatus: new Map(), unschedulablePlugins: new Set() }
    const attempt: Attempt = { diagnosis, feasible: [], verdicts: [], notEvaluated: 0, state }
    const filters = this.preFilter(state)
    if (!Array.isArray(filters)) {
      diagnosis.absent = filters
      diagnosis.preFilterMsg = filters.reasons.join(', ')
      diagnosis.unschedulablePlugins.add(filters.plugin)
      return attempt
    }
    attempt.filters = filters
    const runFilters = (info: NodeInfo): Rejection | null => this.filterWithNominated(filters, state, info, nominated)

    let nodes = snapshot.nodes
    const names = state.read<Set<string>>(PREFILTER_NODE_NAMES)
    if (names) {
      nodes = nodes.filter((n) => names.has(n.node.metadata.name ?? ''))
      diagnosis.absent = { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"] }
    }

    let feasible: NodeInfo[] = []
    const nominatedNode = pod.status?.nominatedNodeName
    const nominatedInfo = nominatedNode ? nodes.find((n) => n.node.metadata.name === nominatedNode) : undefined
    if (nominatedInfo && !runFilters(nominatedInfo)) feasible = [nominatedInfo]
    else feasible = this.findNodesThatPassFilters(nodes, runFilters, diagnosis, attempt)

    attempt.feasible = feasible.map((n) => n.node.metadata.name ?? '')
    for (const [node, r] of diagnosis.nodeToStatus) {
      attempt.verdicts.push({ node, rejection: r.free ? { plugin: r.plugin, reasons: r.reasons, free: r.free } : { plugin: r.plugin, reasons: r.reasons } })
    }
    if (feasible.length === 0) return attempt
    if (feasible.length === 1) {
      attempt.node = attempt.feasible[0]
      attempt.verdicts.push({ node: attempt.node ?? '' })
      return attempt
    }
    const scored = this.prioritizeNodes(state, feasible)
    attempt.verdicts.push(...scored)
    attempt.node = selectHost(
      scored.map((s) => ({ name: s.node, totalScore: s.totalScore ?? 0 })),
      NODES_TO_REPORT,
      this.rng(),
    ).name
    return attempt
  }

  /** RunPreFilterPlugins: the filters to run for this pod (those that did not Skip), or the rejection. */
  preFilter(state: CycleState): FilterPlugin[] | Rejection {
    const filters: FilterPlugin[] = []
    for (const plugin of this.profile.filters) {
      const result = plugin.preFilter?.(state)
      if (result === 'skip') continue
      if (result) return result
      filters.push(plugin)
    }
    return filters
  }

  /** Filters `info` once with it holding the nominated pods of equal or higher priority, and once without. */
  filterWithNominated(filters: readonly FilterPlugin[], state: CycleState, info: NodeInfo, nominated: (node: string) => Pod[]): Rejection | null {
    const pod = state.pod
    const others = nominated(info.node.metadata.name ?? '').filter((p) => p.metadata.uid !== pod.metadata.uid && podPriority(p) >= podPriority(pod))
    const run = (i: NodeInfo): Rejection | null => {
      for (const f of filters) {
        const r = f.filter(state, i)
        if (r) return r
      }
      return null
    }
    if (others.length === 0) return run(info)
    return run(withPods(info, others)) ?? run(info)
  }

  private findNodesThatPassFilters(nodes: readonly NodeInfo[], runFilters: (info: NodeInfo) => Rejection | null, diagnosis: Diagnosis, attempt: Attempt): NodeInfo[] {
    const numAllNodes = nodes.length
    if (numAllNodes === 0) return []
    const toFind = numFeasibleNodesToFind(numAllNodes)
    const feasible: NodeInfo[] = []
    let processed = 0
    for (let i = 0; i < numAllNodes && feasible.length < toFind; i++) {
      const info = nodes[(this.nextStartNodeIndex + i) % numAllNodes] as NodeInfo
      processed++
      const r = runFilters(info)
      if (!r) feasible.push(info)
      else {
        diagnosis.nodeToStatus.set(info.node.metadata.name ?? '', r)
        diagnosis.unschedulablePlugins.add(r.plugin)
      }
    }
    attempt.notEvaluated = numAllNodes - processed
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % numAllNodes
    return feasible
  }

  private prioritizeNodes(state: CycleState, feasible: NodeInfo[]): NodeVerdict[] {
    const verdicts: NodeVerdict[] = feasible.map((info) => ({ node: info.node.metadata.name ?? '', scores: {}, totalScore: 0 }))
    for (const plugin of this.profile.scores) {
      if (plugin.preScore && !plugin.preScore(state, feasible)) continue
      const scores = feasible.map((info) => plugin.score(state, info))
      plugin.normalize?.(state, scores, feasible)
      scores.forEach((s, i) => {
        if (s > MAX_NODE_SCORE || s < 0) throw new Error(`plugin ${plugin.name} returns an invalid score ${s}`)
        const v = verdicts[i] as NodeVerdict
        const weighted = s * plugin.weight
        ;(v.scores as Record<string, number>)[plugin.name] = weighted
        v.totalScore = (v.totalScore ?? 0) + weighted
      })
    }
    return verdicts
  }
}
