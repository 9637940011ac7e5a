// How the contract crosses Electron's contextBridge. The preload exposes one plain function per call, named by
// `bridgeName` (`clock.setSpeed` -> `window.podlab.clockSetSpeed`), plus `onDelta`; nothing else. The renderer
// turns that object back into a `PodlabApi` (calls keyed by call name) with `fromBridge`, so every door looks
// the same to it. Pure: imports nothing at run time but the call list.

import { CALL_NAMES, bridgeName, type CallName, type Delta, type PodlabApi, type Reply, type RequestOf } from './calls'

/** `clock.setSpeed` -> `clockSetSpeed`, at the type level (mirrors `bridgeName`). */
export type BridgeName<N extends string> = N extends `${infer Head}.${infer Tail}` ? `${Head}${Capitalize<BridgeName<Tail>>}` : N

/** Exactly what the preload puts on `window.podlab`. */
export type PodlabBridge = {
  [N in CallName as BridgeName<N>]: (request: RequestOf<N>) => Promise<Reply<N>>
} & {
  /** Subscribes to deltas; returns the unsubscribe function. */
  onDelta(listener: (delta: Delta) => void): () => void
}

/** Every key of `window.podlab`, in a stable order. */
export const BRIDGE_KEYS: readonly string[] = [...CALL_NAMES.map(bridgeName), 'onDelta']

/**
 * Builds the bridge object from one transport function; the preload passes `ipcRenderer.invoke` on one
 * channel. Each exposed function takes exactly one argument (the request), so a page cannot smuggle extra
 * arguments through.
 */
export function toBridge(
  invoke: (call: CallName, request: unknown) => Promise<Reply>,
  onDelta: (listener: (delta: Delta) => void) => () => void,
): PodlabBridge {
  const bridge: Record<string, unknown> = {}
  for (const call of CALL_NAMES) bridge[bridgeName(call)] = (request: unknown) => invoke(call, request)
  bridge.onDelta = onDelta
  return bridge as PodlabBridge
}

/** Turns `window.podlab` back into a PodlabApi. Throws when the bridge lacks a call (preload and renderer out of step). */
export function fromBridge(bridge: PodlabBridge): PodlabApi {
  const source = bridge as unknown as Record<string, unknown>
  const missing = BRIDGE_KEYS.filter((key) => typeof source[key] !== 'function')
  if (missing.length > 0) throw new Error(`window.podlab lacks ${missing.join(', ')}: the preload and the renderer are out of step`)
  const api: Record<string, unknown> = {}
  for (const call of CALL_NAMES) {
    const fn = source[bridgeName(call)] as (request: unknown) => Promise<Reply>
    api[call] = (request: unknown) => fn(request)
  }
  api.onDelta = (listener: (delta: Delta) => void) => bridge.onDelta(listener)
  return api as PodlabApi
}
