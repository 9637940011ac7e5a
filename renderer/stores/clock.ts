// The virtual clock as the engine reports it: from `clock.get`, every `clock` delta and each control's
// reply. The store only mirrors it; the engine decides what pausing or advancing means.

import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ClockState } from '../../main/kube'
import type { ContractError, Reply } from '../../main/contract'
import { useApi } from '../adapter/inject'

/** The speeds the header offers, within the contract's MIN_SPEED..MAX_SPEED. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 50, 100] as const

export const useClockStore = defineStore('clock', () => {
  const api = useApi()
  const state = shallowRef<ClockState | null>(null)
  const error = shallowRef<ContractError | null>(null)
  const busy = ref(false)
  /** Issue 11 item 8: true after a step found nothing scheduled (the clock stood still), until the clock moves. */
  const idle = ref(false)

  api.onDelta((delta) => {
    if (delta.type !== 'clock') return
    // "Nothing is scheduled" holds only until the clock moves again.
    if (delta.clock.nowMs !== state.value?.nowMs) idle.value = false
    state.value = delta.clock
  })

  async function run(call: () => Promise<Reply<'clock.get'>>): Promise<void> {
    busy.value = true
    try {
      const reply = await call()
      if (reply.ok) {
        state.value = reply.result
        error.value = null
      } else {
        error.value = reply.error
      }
    } finally {
      busy.value = false
    }
  }

  const load = () => run(() => api['clock.get']({}))
  const pause = () => run(() => api['clock.pause']({}))
  const resume = () => run(() => api['clock.resume']({}))
  const setSpeed = (speed: number) => run(() => api['clock.setSpeed']({ speed }))
  const advance = (seconds: number) => run(() => api['clock.advance']({ seconds }))
  /** Steps to exactly the next scheduled event (`clock.stepToNextEvent`). */
  async function step(): Promise<void> {
    busy.value = true
    try {
      const reply = await api['clock.stepToNextEvent']({})
      if (reply.ok) {
        state.value = reply.result.clock
        idle.value = !reply.result.stepped
        error.value = null
      } else {
        error.value = reply.error
      }
    } finally {
      busy.value = false
    }
  }

  return { state, error, busy, load, pause, resume, setSpeed, advance, idle, step }
})
