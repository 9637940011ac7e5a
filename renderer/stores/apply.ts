// The manifest being edited and what the last apply answered, one outcome per document as kubectl prints.

import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ApplyOutcome } from '../../main/contract'
import { useApi } from '../adapter/inject'

/** What kubectl names text that came from a pipe (`kubectl apply -f -`), as in `error when creating "STDIN"`. */
export const EDITOR_SOURCE = 'STDIN'

export const useApplyStore = defineStore('apply', () => {
  const api = useApi()
  const text = ref('')
  const outcomes = shallowRef<ApplyOutcome[]>([])
  const busy = ref(false)

  async function apply(): Promise<void> {
    if (busy.value) return
    busy.value = true
    try {
      const reply = await api['manifests.apply']({ text: text.value, source: EDITOR_SOURCE })
      outcomes.value = reply.ok ? reply.result.outcomes : [{ ok: false, error: reply.error }]
    } finally {
      busy.value = false
    }
  }

  return { text, outcomes, busy, apply }
})
