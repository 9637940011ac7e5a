// The toleration arithmetic of the taint eviction controller (v1.32): v1helper.GetMatchingTolerations (each
// NoExecute taint needs a toleration; the first one matching each taint is "used") and getMinTolerationTime
// (the shortest tolerationSeconds among the used ones: 0 or less evicts at once, none tolerates for ever).

import type { Taint } from '../../api/nodes/types'
import type { Toleration } from '../../api/pods/types'
import { tolerates } from '../../scheduler/filters/taint-toleration'

/** Whether every taint is tolerated, and the first toleration matching each one. */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { all: boolean; used: Toleration[] } {
  const used: Toleration[] = []
  for (const taint of taints) {
    const match = tolerations.find((t) => tolerates(t, taint))
    if (!match) return { all: false, used: [] }
    used.push(match)
  }
  return { all: true, used }
}

/** The time the pod may stay, ms: 0 to evict now, -1 for ever. */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0
  let min: number | undefined
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue
    if (t.tolerationSeconds <= 0) return 0
    min = min === undefined ? t.tolerationSeconds : Math.min(min, t.tolerationSeconds)
  }
  return min === undefined ? -1 : min * 1000
}
