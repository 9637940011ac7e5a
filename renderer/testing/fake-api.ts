// A PodlabApi for unit tests: records every call, answers from per-call handlers (or a plain ok), and lets
// the test push deltas as a host would.

import { createApp } from 'vue'
import { createPinia, type Pinia } from 'pinia'
import { CALL_NAMES, type CallName, type Delta, type PodlabApi, type Reply, type RequestOf } from '../../main/contract'
import { apiKey } from '../adapter/inject'

export interface FakeApi {
  api: PodlabApi
  calls: Array<{ call: CallName; request: unknown }>
  /** Sets how a call answers; the default is `{ ok: true, result: {} }`. */
  answer<N extends CallName>(call: N, handler: (request: RequestOf<N>) => Reply<N> | Promise<Reply<N>>): void
  push(delta: Delta): void
  listenerCount(): number
}

export function fakeApi(): FakeApi {
  const calls: FakeApi['calls'] = []
  const handlers = new Map<CallName, (request: never) => Reply | Promise<Reply>>()
  const listeners = new Set<(delta: Delta) => void>()
  const api: Record<string, unknown> = {
    onDelta: (listener: (delta: Delta) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  for (const name of CALL_NAMES) {
    api[name] = async (request: unknown) => {
      calls.push({ call: name, request })
      const handler = handlers.get(name)
      return handler ? handler(request as never) : { ok: true, result: {} }
    }
  }
  return {
    api: api as PodlabApi,
    calls,
    answer: (call, handler) => handlers.set(call, handler as (request: never) => Reply),
    push: (delta) => listeners.forEach((listener) => listener(delta)),
    listenerCount: () => listeners.size,
  }
}

/** A Pinia installed in an app that provides `api`, as main.ts does, so that setup stores can inject it. */
export function piniaWith(api: PodlabApi): Pinia {
  const pinia = createPinia()
  createApp({ render: () => null }).provide(apiKey, api).use(pinia)
  return pinia
}
