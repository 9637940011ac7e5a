// What the engine says of the manifest being typed (issue 11 item 2): `manifests.check` runs 300 ms after the
// last keystroke (kubectl's dry run, nothing stored); its diagnostics mark the editor's lines and its preview
// says what the simulator will do. A reply for a text since changed is dropped.

import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { CheckDiagnostic, PreviewDocument } from '../../main/contract'
import { useApi } from '../adapter/inject'
import { useApplyStore } from './apply'
import { useConnectionStore } from './connection'

/** Quiet time after the last edit before the engine checks the text, in ms. */
export const CHECK_DEBOUNCE_MS = 300
/**
 * Longest text checked as it is typed, in UTF-16 units: the check runs on the engine's thread, and 1,000 pods
 * (100 KB) took 3 s there, which would stall the clock at every pause in typing. Apply still checks any size.
 */
export const MAX_LIVE_CHECK_LENGTH = 64 * 1024

export const useManifestCheckStore = defineStore('manifestCheck', () => {
  const api = useApi()
  const manifest = useApplyStore()
  const connection = useConnectionStore()
  const diagnostics = shallowRef<CheckDiagnostic[]>([])
  const preview = shallowRef<PreviewDocument[]>([])
  /** The text the diagnostics and preview are of ('' before any check). */
  const checked = ref('')
  const checking = ref(false)
  /** The text is longer than MAX_LIVE_CHECK_LENGTH: not checked as it is typed. */
  const tooLarge = ref(false)
  let timer: ReturnType<typeof setTimeout> | null = null

  async function check(text: string): Promise<void> {
    tooLarge.value = text.length > MAX_LIVE_CHECK_LENGTH
    if (text.trim() === '' || tooLarge.value) {
      diagnostics.value = []
      preview.value = []
      checked.value = text
      return
    }
    checking.value = true
    try {
      const reply = await api['manifests.check']({ text })
      // The learner typed on meanwhile: the next check answers for what is there now.
      if (text !== manifest.text) return
      diagnostics.value = reply.ok ? reply.result.diagnostics : []
      preview.value = reply.ok ? reply.result.preview : []
      checked.value = text
    } finally {
      checking.value = false
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      if (connection.online) void check(manifest.text)
    }, CHECK_DEBOUNCE_MS)
  }

  watch(() => manifest.text, schedule, { immediate: true })
  watch(() => connection.online, (online) => online && schedule())

  return { diagnostics, preview, checked, checking, tooLarge, check }
})
