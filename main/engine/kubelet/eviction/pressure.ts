// What the eviction manager remembers of a node's pressure between looks (node_state `eviction`), and its
// answer to the node status setters: IsUnderMemoryPressure / IsUnderDiskPressure (eviction_manager.go), True
// while the threshold was met less than the pressure transition period ago.

import type { World } from '../../world'
import type { PressureCondition } from './thresholds'

/** --eviction-pressure-transition-period's default, ms. */
export const PRESSURE_TRANSITION_PERIOD_MS = 5 * 60_000

/** What the manager keeps per node between looks. */
export interface ManagerState {
  /** When each pressure condition's threshold was last seen met (ms): nodeConditionsLastObservedAt. */
  observedAt: Partial<Record<PressureCondition, number>>
  /** The last eviction (ms). */
  lastEvictionAt?: number
}

export const STATE_KEY = 'eviction'

/** nodeConditionsObservedSince: whether `type` was observed less than the transition period before `nowMs` (ms). */
export function observedRecently(state: ManagerState | undefined, type: PressureCondition, nowMs: number): boolean {
  const at = state?.observedAt[type]
  return at !== undefined && nowMs - at < PRESSURE_TRANSITION_PERIOD_MS
}

/**
 * IsUnderMemoryPressure / IsUnderDiskPressure: whether the eviction manager of `node` reports `type` now (the
 * kubelet's node status setters write the condition from it on every status update: node-heartbeat.ts).
 */
export function isUnderPressure(world: World, node: string, type: PressureCondition): boolean {
  return observedRecently(world.nodeState.get<ManagerState>(node, STATE_KEY), type, world.now())
}
