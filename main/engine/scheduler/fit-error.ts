// The FailedScheduling text (framework.FitError.Error): `0/4 nodes are available: <histogram>.` followed by
// the preemption plugin's own `preemption: 0/4 nodes are available: <histogram>.` Each histogram is
// "<count> <reason>" sorted as strings and joined with ", ".

import type { FilterResult } from './filters/filter'

function histogram(reasons: string[]): string {
  const counts = new Map<string, number>()
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  return [...counts.entries()].map(([reason, n]) => `${n} ${reason}`).sort().join(', ')
}

export function fitErrorMessage(nodeCount: number, failures: FilterResult[]): string {
  const main = `0/${nodeCount} nodes are available: ${histogram(failures.flatMap((f) => f.reasons))}.`
  // DefaultPreemption with no lower-priority pods to evict: nothing helps an unresolvable node, and a node
  // short of resources has no victims.
  const preemption = failures.map((f) =>
    f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod',
  )
  return `${main} preemption: 0/${nodeCount} nodes are available: ${histogram(preemption)}.`
}
