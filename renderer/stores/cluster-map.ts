// The cluster map as the engine last drew it (`cluster.map`). The map is refetched when the cluster changes: on
// the `table` deltas of the nodes and all-namespace pods views it watches, and on the clock's ticks (a STATUS
// moves with time), at most twice a second; and every few seconds while shown, in case another panel stopped
// watching a view this store also watches (one session holds one watch per view).

import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { ClusterMap, ContractError, TableView } from '../../main/contract'
import { useApi } from '../adapter/inject'
import { refreshThrottle } from './refresh-throttle'

const VIEWS: TableView[] = [{ resource: 'nodes' }, { resource: 'pods' }]
/** Least time between two fetches, ms. */
const MIN_INTERVAL_MS = 500
/** A fetch at least this often while the map is shown, ms. */
const POLL_MS = 3000

export const useClusterMapStore = defineStore('clusterMap', () => {
  const api = useApi()
  const map = shallowRef<ClusterMap | null>(null)
  const error = shallowRef<ContractError | null>(null)
  let users = 0
  let poll: ReturnType<typeof setInterval> | null = null
  let inFlight = false

  async function fetch(): Promise<void> {
    if (inFlight) return throttle.schedule()
    inFlight = true
    try {
      const reply = await api['cluster.map']({})
      if (reply.ok) {
        map.value = reply.result
        error.value = null
      } else error.value = reply.error
    } finally {
      inFlight = false
    }
  }
  const throttle = refreshThrottle(fetch, MIN_INTERVAL_MS)

  api.onDelta((delta) => {
    if (users > 0 && (delta.type === 'table' || delta.type === 'clock')) throttle.schedule()
  })

  /** The map is shown: fetch it and follow the cluster. Call stop() as many times when it is hidden. */
  async function start(): Promise<void> {
    users++
    if (users > 1) return
    for (const view of VIEWS) void api['table.watch'](view)
    poll = setInterval(() => throttle.schedule(), POLL_MS)
    await throttle.now()
  }

  function stop(): void {
    users = Math.max(0, users - 1)
    if (users > 0) return
    if (poll) clearInterval(poll)
    poll = null
    throttle.cancel()
  }

  return { map, error, start, stop, refresh: throttle.now }
})
