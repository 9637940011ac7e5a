// PodlabApi over the Electron preload's `window.podlab` (main/contract/bridge.ts builds and reads it). On
// top of the contract's fromBridge, every call here resolves to a Reply: a rejected IPC promise becomes an
// Internal error instead of an exception in a store.

import { CALL_NAMES, type PodlabApi, type Reply } from '../../main/contract'
import { fromBridge, type PodlabBridge } from '../../main/contract/bridge'
import { internalFailure } from './wire'

export function isBridgeLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { onDelta?: unknown }).onDelta === 'function'
}

/** Throws, like fromBridge, when the preload and the renderer are out of step. */
export function bridgeApi(bridge: unknown): PodlabApi {
  const inner = fromBridge(bridge as PodlabBridge) as unknown as Record<string, (request: unknown) => Promise<Reply>>
  const api: Record<string, unknown> = { onDelta: (inner as unknown as PodlabApi).onDelta }
  for (const name of CALL_NAMES) {
    const call = inner[name]!
    api[name] = async (request: unknown) => {
      try {
        return await call(request)
      } catch (e) {
        return internalFailure(`${name} failed: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  }
  return api as PodlabApi
}
