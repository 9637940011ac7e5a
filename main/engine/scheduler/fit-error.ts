// The FailedScheduling text (framework.FitError.Error in pkg/scheduler/framework/types.go):
// `0/<all> nodes are available: <PreFilter message or histogram>.` then ` <PostFilter message>` when there
// is one. The histogram counts "<count> <reason>" over every node's reasons (nodes absent from the map count
// with the absent status), sorted as strings (sort.Strings) and joined with ", ".
import type { Rejection } from './framework'

export interface Diagnosis {
  /** The rejection of each node that was filtered (by name). */
  nodeToStatus: Map<string, Rejection>
  /** The status of the nodes not in nodeToStatus (a PreFilter rejection, or PreFilterResult's leftovers). */
  absent?: Rejection
  preFilterMsg?: string
  postFilterMsg?: string
  /** The plugins that rejected the pod somewhere: their queueing hints decide its retries. */
  unschedulablePlugins: Set<string>
}

/** Go's sort.Strings: byte order (the reasons are ASCII). */
const goSort = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** "<n> <reason>" for each reason, sorted and joined. */
export function histogram(nodeToStatus: Map<string, Rejection>, absent: Rejection | undefined, allNodes: number): string {
  const counts = new Map<string, number>()
  for (const status of nodeToStatus.values()) for (const r of status.reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  if (absent && nodeToStatus.size < allNodes) {
    for (const r of absent.reasons) counts.set(r, (counts.get(r) ?? 0) + allNodes - nodeToStatus.size)
  }
  return [...counts.entries()].map(([reason, n]) => `${n} ${reason}`).sort(goSort).join(', ')
}

export function fitErrorMessage(allNodes: number, d: Diagnosis): string {
  let msg = `0/${allNodes} nodes are available:`
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`
  else {
    const h = histogram(d.nodeToStatus, d.absent, allNodes)
    if (h) msg += ` ${h}.`
  }
  // The PostFilter message ends with its own period (preemption's FitError, or `... preemptionPolicy=Never.`).
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`
  return msg
}
