// How components and setup stores reach the API: provided once on the app (main.ts), read with inject().

import { inject, type InjectionKey } from 'vue'
import type { PodlabApi } from '../../main/contract'
import type { ConnectionSource } from './index'

export const apiKey: InjectionKey<PodlabApi> = Symbol('podlab-api')
export const connectionKey: InjectionKey<ConnectionSource> = Symbol('podlab-connection')

export function useApi(): PodlabApi {
  const api = inject(apiKey)
  if (!api) throw new Error('PodlabApi is not provided: app.provide(apiKey, api) before using the stores')
  return api
}
