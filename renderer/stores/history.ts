// The lifecycle history the Events & history view lists (issue 11 item 5): pages of the engine's recorded
// history, newest first, fetched as the learner scrolls (never the whole history), new rows added on top as
// the clock runs, and the selected row's YAML and the version before. Filtering happens in the engine.

import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { HistoryEntry, HistoryFilter } from '../../main/kube'
import type { ContractError, HistoryVersionView } from '../../main/contract'
import { useApi } from '../adapter/inject'

/** Rows one fetch asks for. */
export const PAGE_ROWS = 200
/** Rows kept in memory at most; scrolling further drops the oldest (they come back by scrolling again). */
export const MAX_KEPT_ROWS = 5_000
/** New rows on top are fetched at most this often while the clock runs, in ms. */
const REFRESH_MS = 1_000
/** And this often while it is paused: a manifest applied, or a `podlab kubectl` in a terminal, writes without a tick. */
const POLL_MS = 3_000

export const useHistoryStore = defineStore('history', () => {
  const api = useApi()
  const filter = ref<HistoryFilter>({})
  const entries = shallowRef<HistoryEntry[]>([])
  /** The cursor of the next older page; null when the oldest row is loaded. */
  const older = ref<number | null>(null)
  const loading = ref(false)
  const error = shallowRef<ContractError | null>(null)
  const selected = ref<number | null>(null)
  const version = shallowRef<HistoryVersionView | null>(null)
  const versionError = shallowRef<ContractError | null>(null)
  /** Bumped by each reset, so that an answer to an older query is dropped. */
  let generation = 0
  let following = false
  let refreshTimer: ReturnType<typeof setTimeout> | null = null
  let pollTimer: ReturnType<typeof setInterval> | null = null

  api.onDelta((delta) => {
    if (delta.type === 'clock' && following && !refreshTimer) refreshTimer = setTimeout(() => void refreshNewer(), REFRESH_MS)
  })

  /** Shows the newest page that passes `next` (the filter as a whole). */
  async function setFilter(next: HistoryFilter): Promise<void> {
    filter.value = { ...next }
    await reset()
  }

  async function reset(): Promise<void> {
    const mine = ++generation
    loading.value = true
    const reply = await api['history.list']({ filter: filter.value, limit: PAGE_ROWS })
    if (mine !== generation) return
    loading.value = false
    if (!reply.ok) {
      error.value = reply.error
      entries.value = []
      older.value = null
      return
    }
    error.value = null
    entries.value = reply.result.entries
    older.value = reply.result.older
  }

  /** Appends the next older page (as the table is scrolled to its end). */
  async function loadOlder(): Promise<void> {
    if (older.value === null || loading.value) return
    const mine = generation
    loading.value = true
    const reply = await api['history.list']({ filter: filter.value, before: older.value, limit: PAGE_ROWS })
    if (mine !== generation) return
    loading.value = false
    if (!reply.ok) {
      error.value = reply.error
      return
    }
    const all = [...entries.value, ...reply.result.entries]
    entries.value = all.slice(0, MAX_KEPT_ROWS)
    older.value = all.length > MAX_KEPT_ROWS ? (entries.value.at(-1)?.resourceVersion ?? null) : reply.result.older
  }

  /** Adds the rows written since the newest one shown; more than a page of them starts again from the top. */
  async function refreshNewer(): Promise<void> {
    refreshTimer = null
    const newest = entries.value[0]?.resourceVersion
    if (newest === undefined) return reset()
    const mine = generation
    const reply = await api['history.list']({ filter: filter.value, after: newest, limit: PAGE_ROWS })
    if (mine !== generation || !reply.ok) return
    if (reply.result.newer !== null) return reset()
    if (reply.result.entries.length === 0) return
    const all = [...reply.result.entries, ...entries.value]
    entries.value = all.slice(0, MAX_KEPT_ROWS)
    if (all.length > MAX_KEPT_ROWS) older.value = entries.value.at(-1)?.resourceVersion ?? null
  }

  /** Rows written from now on are added on top (while the view is open). */
  function follow(on: boolean): void {
    following = on
    if (on && !pollTimer) pollTimer = setInterval(() => void (refreshTimer === null && !loading.value && refreshNewer()), POLL_MS)
    if (!on) {
      if (refreshTimer) clearTimeout(refreshTimer)
      if (pollTimer) clearInterval(pollTimer)
      refreshTimer = null
      pollTimer = null
    }
  }

  /** Selects a row and fetches its YAML and its version before. */
  async function select(resourceVersion: number | null): Promise<void> {
    selected.value = resourceVersion
    version.value = null
    versionError.value = null
    if (resourceVersion === null) return
    const reply = await api['history.version']({ resourceVersion })
    if (selected.value !== resourceVersion) return
    if (reply.ok) version.value = reply.result
    else versionError.value = reply.error
  }

  return { filter, entries, older, loading, error, selected, version, versionError, setFilter, reset, loadOlder, refreshNewer, follow, select }
})
