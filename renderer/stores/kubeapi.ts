// Where the cluster's Kubernetes API is served and its kubeconfig, from `kubeapi.info`: what the header shows so a
// learner can point the real kubectl at this cluster. The host starts the API just after the page may ask, so a
// "starting" answer is asked again a few times.

import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { ContractError, KubeApiInfo } from '../../main/contract'
import { useApi } from '../adapter/inject'

/** How often, and how many times, a `serving: false` answer is asked again (ms): the API starts within a second. */
export const RETRY_MS = 500
export const RETRIES = 10

export const useKubeApiStore = defineStore('kubeapi', () => {
  const api = useApi()
  const info = shallowRef<KubeApiInfo | null>(null)
  const error = shallowRef<ContractError | null>(null)

  async function load(retries = RETRIES): Promise<void> {
    const reply = await api['kubeapi.info']({})
    if (!reply.ok) {
      error.value = reply.error
      return
    }
    error.value = null
    info.value = reply.result
    if (!reply.result.serving && retries > 0) setTimeout(() => void load(retries - 1), RETRY_MS)
  }

  return { info, error, load }
})
