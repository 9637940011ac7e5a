// Issue 11 item 3: the pod whose detail is open, read with `pods.detail` and read again as the cluster moves.
// No `pod` delta: the clock and the watched pods table already tell the page when something may have changed
// (their deltas), so the detail follows them, at most once a second and one call at a time, which bounds what
// an open detail costs the host whatever the clock's speed.

import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ContractError, PodDetail } from '../../main/contract'
import { useApi } from '../adapter/inject'

/** The shortest wall-clock time between two reads of the open pod, in ms. */
export const POD_DETAIL_REFRESH_MS = 1000

export const usePodDetailStore = defineStore('podDetail', () => {
  const api = useApi()
  const target = ref<{ namespace: string; name: string } | null>(null)
  const detail = shallowRef<PodDetail | null>(null)
  const error = shallowRef<ContractError | null>(null)
  let inFlight = false
  let again = false
  let lastRead = 0
  let timer: ReturnType<typeof setTimeout> | null = null

  api.onDelta((delta) => {
    if (target.value && (delta.type === 'clock' || (delta.type === 'table' && delta.view.resource === 'pods'))) schedule()
  })

  function schedule(): void {
    if (inFlight) {
      again = true
      return
    }
    if (timer) return
    const wait = Math.max(0, lastRead + POD_DETAIL_REFRESH_MS - Date.now())
    timer = setTimeout(() => {
      timer = null
      void read()
    }, wait)
  }

  async function read(): Promise<void> {
    const asked = target.value
    if (!asked) return
    inFlight = true
    lastRead = Date.now()
    const reply = await api['pods.detail']({ ...asked })
    inFlight = false
    // The learner may have opened another pod meanwhile: this answer is not for it.
    if (target.value !== asked) return
    if (reply.ok) {
      detail.value = reply.result
      error.value = null
    } else {
      error.value = reply.error
    }
    if (again) {
      again = false
      schedule()
    }
  }

  /** Opens pod `name` of `namespace`: reads it now, then follows the cluster's changes. */
  function open(namespace: string, name: string): Promise<void> {
    if (target.value?.namespace === namespace && target.value.name === name) return Promise.resolve()
    target.value = { namespace, name }
    detail.value = null
    error.value = null
    again = false
    return read()
  }

  function close(): void {
    target.value = null
    detail.value = null
    error.value = null
    if (timer) clearTimeout(timer)
    timer = null
  }

  return { target, detail, error, open, close }
})
