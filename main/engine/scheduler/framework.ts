// The scheduling framework's shapes (pkg/scheduler/framework/interface.go), as far as the default profile uses
// them: a Status with a code and reasons, filter and score plugins, and the cycle state a scheduling attempt
// carries from PreFilter to Filter and from PreScore to Score.

import type { Node } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import type { Selector } from '../labels'
import type { NodeInfo } from './node-info'

/** framework.Code: Unschedulable can be helped by preemption, UnschedulableAndUnresolvable cannot. */
export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable'

/** A filter plugin's verdict on one node; null is Success. */
export interface Rejection {
  plugin: string
  code: Code
  /** The texts FailedScheduling counts, e.g. `Insufficient cpu`. */
  reasons: string[]
  /**
   * NodeResourcesFit's reading of the node when it found it short: allocatable minus requested (millicores,
   * bytes), kept for "why Pending" (scheduler/verdicts.ts). Absent for every other plugin.
   */
  free?: { milliCpu: number; memory: number }
}

export const reject = (plugin: string, code: Code, ...reasons: string[]): Rejection => ({ plugin, code, reasons })

/** What a plugin needs besides the pod and the node: the snapshot of every node and the namespaces' labels. */
export interface Snapshot {
  /** Every node's NodeInfo, in the scheduler's node order. */
  readonly nodes: readonly NodeInfo[]
  /** The labels of namespace `name` (undefined when it does not exist). */
  namespaceLabels(name: string): Record<string, string> | undefined
  /** Names of the namespaces whose labels `matches`. */
  namespacesMatching(matches: (labels: Record<string, string>) => boolean): string[]
  /**
   * helper.DefaultSelector: the services selecting the pod and its owning ReplicaSet/StatefulSet/
   * ReplicationController, ANDed; empty when there are none (the system default spreading is then skipped).
   */
  defaultSelector(pod: Pod): Selector
}

/** The state of one scheduling attempt for one pod: the plugins' PreFilter/PreScore results by plugin name. */
export class CycleState {
  private readonly data = new Map<string, unknown>()
  constructor(
    readonly pod: Pod,
    readonly snapshot: Snapshot,
  ) {}

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value)
  }
}

export interface FilterPlugin {
  readonly name: string
  /**
   * Computes what Filter needs for every node (PreFilter): a Rejection rejects every node; 'skip' says Filter
   * has nothing to check for this pod.
   */
  preFilter?(state: CycleState): Rejection | null | 'skip'
  filter(state: CycleState, info: NodeInfo): Rejection | null
  /** Queueing hints: could this cluster event make the pod, rejected by this plugin, schedulable? */
  hint?(event: ClusterEvent, pod: Pod): boolean
}

export const MAX_NODE_SCORE = 100

export interface ScorePlugin {
  readonly name: string
  readonly weight: number
  /** False is Skip: the plugin does not score this pod. */
  preScore?(state: CycleState, feasible: readonly NodeInfo[]): boolean
  score(state: CycleState, info: NodeInfo): number
  /** NormalizeScore, in place, in the order of `feasible`. */
  normalize?(state: CycleState, scores: number[], feasible: readonly NodeInfo[]): void
}

/** The cluster events queueing hints look at (framework.ClusterEvent). */
export type ClusterEvent =
  | { kind: 'NodeAdd'; node: Node }
  | { kind: 'NodeUpdate'; old: Node; node: Node }
  | { kind: 'AssignedPodAdd'; pod: Pod }
  | { kind: 'AssignedPodUpdate'; old: Pod; pod: Pod }
  | { kind: 'AssignedPodDelete'; pod: Pod }

/** DefaultNormalizeScore: scales to [0, 100] by the highest score; `reverse` makes the lowest the best. */
export function defaultNormalizeScore(scores: number[], reverse: boolean): void {
  const maxCount = Math.max(0, ...scores)
  if (maxCount === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE)
    return
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((MAX_NODE_SCORE * (scores[i] ?? 0)) / maxCount)
    scores[i] = reverse ? MAX_NODE_SCORE - s : s
  }
}
