// The one contract every door speaks: Electron IPC, the WebSocket of `podlab serve`, and (later) the
// Kubernetes REST door's adapter. Each call has a request, a response, and a payload check that the
// hosts run before the engine ever sees the data.

import type { ClockState, ClusterInfo } from '../kube/clock'
import type { Table } from '../kube/table'
import type { ContractError } from './errors'
import type { ClusterMap, ImageCatalogView, OwnershipGraph, SchedulingVerdictView } from './cluster-map'

/** Resources the doors can list today. Grows with the engine. */
export const RESOURCES = ['pods', 'nodes', 'events'] as const
export type Resource = (typeof RESOURCES)[number]

/** One line of kubectl's output per manifest document: `pod/mynginx created`, or that document's error. */
export type ApplyOutcome = { ok: true; line: string } | { ok: false; error: ContractError }

export interface TableView {
  resource: Resource
  /** Omitted: all namespaces. */
  namespace?: string
}

/**
 * The identity of a watched table view, shared by the hosts and the renderer: two views with the same key are
 * the same view (an omitted namespace and an empty one both mean all namespaces).
 */
export function tableViewKey(view: TableView): string {
  return `${view.resource}/${view.namespace ?? ''}`
}

/**
 * The cluster's Kubernetes API as this host serves it (the desktop app and `podlab serve` both do, on 127.0.0.1):
 * its address and the kubeconfig file written for it, which a real kubectl or client library takes as
 * `KUBECONFIG=<kubeconfig>`. `serving: false` says why there is none (it could not start, or this host serves none).
 */
export type KubeApiInfo = { serving: true; url: string; kubeconfig: string } | { serving: false; reason: string }

export interface Calls {
  'cluster.info': { request: Record<string, never>; response: ClusterInfo }
  'kubeapi.info': { request: Record<string, never>; response: KubeApiInfo }
  'manifests.apply': { request: { text: string; source: string }; response: { outcomes: ApplyOutcome[] } }
  'table.get': { request: TableView; response: Table }
  /** Starts pushing `table` deltas for this view to the caller, beginning with the current table. */
  'table.watch': { request: TableView; response: { watching: true } }
  'table.unwatch': { request: TableView; response: { watching: false } }
  'clock.get': { request: Record<string, never>; response: ClockState }
  'clock.advance': { request: { seconds: number }; response: ClockState }
  'clock.pause': { request: Record<string, never>; response: ClockState }
  'clock.resume': { request: Record<string, never>; response: ClockState }
  'clock.setSpeed': { request: { speed: number }; response: ClockState }
  /**
   * Runs one console line (kubectl and the console's small shell; heredocs included). Its output comes as
   * `console` deltas for the job it names, then one `console-exit`.
   */
  'console.run': { request: { line: string; columns: number }; response: { job: string } }
  /** What the user types while a job runs (an `exec -it` shell's stdin); `eof` for Ctrl+D. */
  'console.input': { request: { job: string; text?: string; eof?: true }; response: { delivered: boolean } }
  /** Ctrl+C: stops the job (a watch, a follow, an exec); its console-exit follows with 130. */
  'console.interrupt': { request: { job: string }; response: { interrupted: boolean } }
  /** Tab: what the last word of `line` (the text before the cursor) could become, and where that word starts. */
  'console.complete': { request: { line: string }; response: { from: number; candidates: string[] } }
  /**
   * The answer to a job's `console-edit` (`kubectl edit`'s editor): the text the user saved, or `cancel: true`
   * (Cancel, Escape), which kubectl takes as the editor closed without saving.
   */
  'console.edit': { request: { job: string; text?: string; cancel?: true }; response: { delivered: boolean } }
  // Issue 11 items 6 and 7: the cluster map, ownership graph, why Pending, the image catalog
  /** Nodes with their pods (at most MAX_MAP_PODS drawn), the unscheduled pods; refetched on `table` deltas. */
  'cluster.map': { request: Record<string, never>; response: ClusterMap }
  /** Deployment -> ReplicaSet -> Pod and Job -> Pod, from controller ownerReferences (omit namespace: all). */
  'workloads.graph': { request: { namespace?: string }; response: OwnershipGraph }
  /** The scheduler's recorded verdicts for the pods named `name` in `namespace`, oldest first. */
  'scheduling.verdicts': { request: { namespace: string; name: string }; response: { verdicts: SchedulingVerdictView[] } }
  /** Every image the simulated registry holds; with `image`, whether it exists and what a pull of it meets. */
  'images.catalog': { request: { image?: string }; response: ImageCatalogView }
}

export type CallName = keyof Calls
export type RequestOf<N extends CallName> = Calls[N]['request']
export type ResponseOf<N extends CallName> = Calls[N]['response']

/** What the engine pushes to a connected door without being asked. */
export type Delta =
  | { type: 'clock'; clock: ClockState }
  | { type: 'table'; view: TableView; table: Table }
  | { type: 'console'; job: string; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'console-exit'; job: string; code: number }
  /**
   * A job's `kubectl edit` opens the editor on `text` (kubectl's file: its header, the object as YAML or JSON);
   * `fileName` says which (`kubectl-edit-*.yaml` or `.json`). Answered with `console.edit`; closed by the job's
   * console-exit when it ends first (Ctrl+C).
   */
  | { type: 'console-edit'; job: string; text: string; fileName: string }

/** A reply as it travels: exactly one of result or error. */
export type Reply<N extends CallName = CallName> = { ok: true; result: ResponseOf<N> } | { ok: false; error: ContractError }

/** What the preload exposes on `window.podlab`, and what the WebSocket adapter implements in a browser. */
export type PodlabApi = {
  [N in CallName]: (request: RequestOf<N>) => Promise<Reply<N>>
} & {
  /** Subscribes to deltas; returns the unsubscribe function. */
  onDelta(listener: (delta: Delta) => void): () => void
}

export const CALL_NAMES: readonly CallName[] = [
  'cluster.info',
  'kubeapi.info',
  'manifests.apply',
  'table.get',
  'table.watch',
  'table.unwatch',
  'clock.get',
  'clock.advance',
  'clock.pause',
  'clock.resume',
  'clock.setSpeed',
  'console.run',
  'console.input',
  'console.interrupt',
  'console.complete',
  'console.edit',
  // Issue 11 items 6 and 7: the cluster map, ownership graph, why Pending, the image catalog
  'cluster.map',
  'workloads.graph',
  'scheduling.verdicts',
  'images.catalog',
]

/** The preload's function name for a call: `clock.setSpeed` -> `clockSetSpeed`. */
export function bridgeName(call: CallName): string {
  return call.replace(/\.([a-z])/g, (_m, c: string) => c.toUpperCase())
}
