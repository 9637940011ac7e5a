// The pods Table of the namespace being viewed, exactly as the engine's Table builder made it (STATUS, AGE
// and every other cell come from the engine; the renderer lays them out and never recomputes them).

import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { type Table } from '../../main/kube'
import { tableViewKey, type ContractError, type TableView } from '../../main/contract'
import { useApi } from '../adapter/inject'

export const usePodsStore = defineStore('pods', () => {
  const api = useApi()
  /** The namespace shown; undefined means all namespaces. */
  const namespace = ref<string | undefined>('default')
  const table = shallowRef<Table | null>(null)
  const error = shallowRef<ContractError | null>(null)
  let watching: TableView | null = null

  api.onDelta((delta) => {
    if (delta.type === 'table' && watching && tableViewKey(delta.view) === tableViewKey(watching)) table.value = delta.table
  })

  /** Starts watching pods in the current namespace; the first table arrives as a delta. */
  function watch(): Promise<void> {
    return setNamespace(namespace.value)
  }

  /** Shows (and watches) pods in `ns`; undefined is all namespaces. */
  async function setNamespace(ns: string | undefined): Promise<void> {
    const view: TableView = ns === undefined ? { resource: 'pods' } : { resource: 'pods', namespace: ns }
    if (watching && tableViewKey(watching) === tableViewKey(view)) return
    const previous = watching
    watching = view
    namespace.value = ns
    table.value = null
    error.value = null
    if (previous) void api['table.unwatch'](previous)
    const reply = await api['table.watch'](view)
    if (!reply.ok && watching === view) error.value = reply.error
  }

  async function unwatch(): Promise<void> {
    const previous = watching
    watching = null
    if (previous) await api['table.unwatch'](previous)
  }

  return { namespace, table, error, watch, setNamespace, unwatch }
})
