// Whether the renderer can reach its host right now (the WebSocket may drop; the preload's IPC cannot).

import { defineStore } from 'pinia'
import { inject, ref } from 'vue'
import { connectionKey } from '../adapter/inject'
import type { ConnectionState } from '../adapter'

export const useConnectionStore = defineStore('connection', () => {
  const source = inject(connectionKey, null)
  const state = ref<ConnectionState>(source?.connectionState ?? 'open')
  source?.onState((next) => {
    state.value = next
  })
  return { state }
})
