// The ownership graph (`workloads.graph`) of one namespace (the one the pods list shows: stores/pods.ts), refetched
// as the cluster changes (any `table` delta, the clock's ticks), at most once a second, while a graph is shown.
// Layout is the component's (graph/layout.ts).

import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { ContractError, OwnershipGraph } from '../../main/contract'
import { useApi } from '../adapter/inject'
import { refreshThrottle } from './refresh-throttle'

const MIN_INTERVAL_MS = 1000

export const useWorkloadsGraphStore = defineStore('workloadsGraph', () => {
  const api = useApi()
  const graph = shallowRef<OwnershipGraph | null>(null)
  const error = shallowRef<ContractError | null>(null)
  let users = 0
  /** undefined: all namespaces. */
  let namespace: string | undefined = 'default'

  async function fetch(): Promise<void> {
    const reply = await api['workloads.graph'](namespace === undefined ? {} : { namespace })
    if (reply.ok) {
      // The same graph again keeps the old object, so the layout is not redone on every tick.
      if (JSON.stringify(reply.result) !== JSON.stringify(graph.value)) graph.value = reply.result
      error.value = null
    } else error.value = reply.error
  }
  const throttle = refreshThrottle(fetch, MIN_INTERVAL_MS)

  api.onDelta((delta) => {
    if (users > 0 && (delta.type === 'table' || delta.type === 'clock')) throttle.schedule()
  })

  /** Shows the graph of `ns` (undefined: all namespaces); the first user fetches it. */
  async function start(ns: string | undefined): Promise<void> {
    users++
    namespace = ns
    if (users === 1) await throttle.now()
  }

  /** Another namespace to show, fetched now. */
  async function setNamespace(ns: string | undefined): Promise<void> {
    if (ns === namespace) return
    namespace = ns
    graph.value = null
    await throttle.now()
  }

  function stop(): void {
    users = Math.max(0, users - 1)
    if (users === 0) throttle.cancel()
  }

  return { graph, error, start, stop, refresh: throttle.now, setNamespace }
})
