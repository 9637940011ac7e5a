// The whole cluster over time (issue 11 item 4): every pod's STATUS intervals as the engine computed them from
// history, fetched again (at most once a second) as the clock runs while the timeline is shown.

import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ClusterTimeline } from '../../main/kube'
import type { ContractError } from '../../main/contract'
import { useApi } from '../adapter/inject'
import type { GroupBy } from '../components/timeline/timeline-layout'

/** Fetched again at most this often while the clock runs, and this often while it is paused (writes without a tick), in ms. */
const REFRESH_MS = 1_000
const POLL_MS = 3_000

export const useClusterTimelineStore = defineStore('clusterTimeline', () => {
  const api = useApi()
  const timeline = shallowRef<ClusterTimeline | null>(null)
  const error = shallowRef<ContractError | null>(null)
  const groupBy = ref<GroupBy>('owner')
  let following = false
  let refreshTimer: ReturnType<typeof setTimeout> | null = null
  let pollTimer: ReturnType<typeof setInterval> | null = null
  let inFlight = false

  api.onDelta((delta) => {
    if (delta.type === 'clock' && following && !refreshTimer) refreshTimer = setTimeout(() => void load(), REFRESH_MS)
  })

  async function load(): Promise<void> {
    refreshTimer = null
    if (inFlight) return
    inFlight = true
    try {
      const reply = await api['cluster.timeline']({})
      if (reply.ok) {
        timeline.value = reply.result
        error.value = null
      } else {
        error.value = reply.error
      }
    } finally {
      inFlight = false
    }
  }

  /** Fetches now, then again as the clock runs, until follow(false). */
  function follow(on: boolean): void {
    following = on
    if (on) {
      void load()
      pollTimer ??= setInterval(() => void (refreshTimer === null && load()), POLL_MS)
    } else {
      if (refreshTimer) clearTimeout(refreshTimer)
      if (pollTimer) clearInterval(pollTimer)
      refreshTimer = null
      pollTimer = null
    }
  }

  return { timeline, error, groupBy, load, follow }
})
