// The Workloads view's lists (issue 11 item 2): Deployments, ReplicaSets and Jobs of the pods list's namespace,
// each a Table the engine builds as `kubectl get` prints it, pushed as it changes.

import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import type { Table } from '../../main/kube'
import { tableViewKey, type ContractError, type Resource, type TableView } from '../../main/contract'
import { useApi } from '../adapter/inject'
import { usePodsStore } from './pods'

export const WORKLOAD_RESOURCES = ['deployments', 'replicasets', 'jobs'] as const satisfies readonly Resource[]
export type WorkloadResource = (typeof WORKLOAD_RESOURCES)[number]

export const useWorkloadsStore = defineStore('workloads', () => {
  const api = useApi()
  const pods = usePodsStore()
  const tables = shallowRef<Partial<Record<WorkloadResource, Table>>>({})
  const errors = shallowRef<Partial<Record<WorkloadResource, ContractError>>>({})
  let watching: TableView[] = []

  const viewOf = (resource: WorkloadResource, ns: string | undefined): TableView => (ns === undefined ? { resource } : { resource, namespace: ns })

  api.onDelta((delta) => {
    if (delta.type !== 'table') return
    const key = tableViewKey(delta.view)
    const view = watching.find((v) => tableViewKey(v) === key)
    if (view) tables.value = { ...tables.value, [view.resource]: delta.table }
  })

  /** Watches the three lists in the pods list's namespace (again when it changes). */
  async function watchAll(): Promise<void> {
    await unwatchAll()
    const ns = pods.namespace
    watching = WORKLOAD_RESOURCES.map((r) => viewOf(r, ns))
    tables.value = {}
    errors.value = {}
    await Promise.all(
      watching.map(async (view) => {
        const reply = await api['table.watch'](view)
        if (!reply.ok) errors.value = { ...errors.value, [view.resource]: reply.error }
      }),
    )
  }

  async function unwatchAll(): Promise<void> {
    const previous = watching
    watching = []
    await Promise.all(previous.map((view) => api['table.unwatch'](view)))
  }

  watch(
    () => pods.namespace,
    () => watching.length > 0 && void watchAll(),
  )

  return { tables, errors, watchAll, unwatchAll }
})
