// Whether the renderer can reach its host right now (the WebSocket may drop; the preload's IPC cannot).

import { defineStore } from 'pinia'
import { computed, inject, ref } from 'vue'
import { connectionKey } from '../adapter/inject'
import type { ConnectionState } from '../adapter'

export const useConnectionStore = defineStore('connection', () => {
  const source = inject(connectionKey, null)
  const state = ref<ConnectionState>(source?.connectionState ?? 'open')
  source?.onState((next) => {
    state.value = next
  })
  /** Whether calls can reach the host now; what needs the host (Apply, the clock, typing in the console) is off
   *  while it is false, since a call made then would wait, unanswered, for the next connection. */
  const online = computed(() => state.value === 'open')
  return { state, online }
})
