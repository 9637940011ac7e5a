// The one contract every door speaks: Electron IPC, the WebSocket of `podlab serve`, and (later) the
// Kubernetes REST door's adapter. Each call has a request, a response, and a payload check that the
// hosts run before the engine ever sees the data.

import type { ClockState, ClusterInfo } from '../kube/clock'
import type { Table } from '../kube/table'
import type { ImagePreview } from '../kube/image-preview'
import type { ClusterTimeline, HistoryEntry, HistoryFilter, HistoryPage } from '../kube/history'
import type { ContractError } from './errors'
import type { PodDetail } from './pod-detail'
import type { Action } from './actions'

/** Issue 11 item 9: the app menu's items that the page carries out. */
export const MENU_COMMANDS = ['shortcuts', 'toggle-theme', 'zoom-in', 'zoom-out', 'zoom-reset'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]
import type { ClusterMap, ImageCatalogView, OwnershipGraph, SchedulingVerdictView } from './cluster-map'

/** Resources the doors can list today. Grows with the engine. */
export const RESOURCES = [
  'pods',
  'nodes',
  'events',
  // Issue 11 item 2: the Workloads view's lists
  'deployments',
  'replicasets',
  'jobs',
] as const
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

/** Issue 11 item 5: a page of history; `before` / `after` are a page's `older` / `newer` cursor (not both). */
export interface HistoryListRequest {
  filter?: HistoryFilter
  before?: number
  after?: number
  /** Rows a page holds, 1..MAX_HISTORY_PAGE; 100 when omitted. */
  limit?: number
}

/** Issue 11 item 5: one version of an object as `kubectl get -o yaml` prints it (managedFields left out), and its version before. */
export interface HistoryVersionView {
  entry: HistoryEntry
  yaml: string
  /** null for the object's first version. */
  previous: { entry: HistoryEntry; yaml: string } | null
}

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
  // Issue 11 item 2: manifest forms, live validation and the preview
  /**
   * What `kubectl apply -f -` of `text` would answer and do, stored nothing (the API server's dryRun=All): each
   * error on the line it comes from, with kubectl's words and a hint; per document, what the simulator will do.
   */
  'manifests.check': { request: { text: string }; response: ManifestCheck }
  // Issue 11 item 3: pod detail
  /** One pod's describe facts, events, YAML and container timeline (pod-detail.ts). NotFound when it is gone. */
  'pods.detail': { request: { namespace: string; name: string }; response: PodDetail }
  // Issue 11 item 8: actions and the clock's step
  /**
   * Runs the command line an action equals (actionCommand: built here from the typed action, never taken from
   * the page) as a console job: its output comes as `console` deltas for `job`, then one `console-exit`.
   * `exec` is refused: its shell needs the console's terminal (run `command` there with console.run).
   */
  'actions.run': { request: { action: Action }; response: { command: string; job: string } }
  /** Advances the clock to exactly the next scheduled event; `stepped: false` when nothing is scheduled. */
  'clock.stepToNextEvent': { request: Record<string, never>; response: { clock: ClockState; stepped: boolean } }
  // Issue 11 item 5: lifecycle history
  'history.list': { request: HistoryListRequest; response: HistoryPage }
  /** NotFound when no history row has that resourceVersion. */
  'history.version': { request: { resourceVersion: number }; response: HistoryVersionView }
  // Issue 11 item 4: the whole cluster over time
  /** Every pod's STATUS over virtual time (ms) in [from, to], by default the whole history to now. */
  'cluster.timeline': { request: { from?: number; to?: number }; response: ClusterTimeline }
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

/** Issue 11 item 2: a plain-language hint for a learner, worded by the renderer in the user's language. */
export type CheckHint =
  /** `metadate`: an unknown field whose name is close to one the schema has (`metadata`). */
  | { code: 'didYouMean'; field: string; suggestion: string }
  /** `app/v1`: the kind is served under another apiVersion (`apps/v1`). */
  | { code: 'apiVersion'; given: string; suggestion: string }
  /** `Deploymnet`: a kind close to one the API serves. */
  | { code: 'kind'; given: string; suggestion: string }
  /** The heredoc's `- containerPort: 80` under containers: a `-` that starts a second container with only a port. */
  | { code: 'secondContainer'; key: string }
  /** A kind a real cluster has and Podlab does not simulate (Service, CronJob...). */
  | { code: 'notSimulated'; kind: string }

export interface CheckDiagnostic {
  /** 0-based, in file order (documents `---` separates, empty ones counted). */
  document: number
  /** 1-based line in the whole text. */
  line: number
  /** 1-based, when known. */
  column?: number
  severity: 'error' | 'warning'
  /** kubectl's text, as `kubectl apply -f -` prints it. */
  message: string
  hint?: CheckHint
}

/** What a document's containers will do, from the engine's image catalog and the pod's restartPolicy. */
export type ContainerForecast =
  | 'Running'
  /** The image is missing: ErrImagePull, then ImagePullBackOff, for ever. */
  | 'ImagePullBackOff'
  /** The kubelet refuses the reference. */
  | 'InvalidImageName'
  /** The default process exits at once and restartPolicy restarts it: CrashLoopBackOff. */
  | 'CrashLoopBackOff'
  /** It exits by itself and is not restarted. */
  | 'Completed'
  /** The container runs the command the manifest gives: Podlab cannot tell ahead what that does. */
  | 'RunsCommand'

export interface PreviewContainer {
  name: string
  image: ImagePreview
  forecast: ContainerForecast
}

export interface PreviewDocument {
  document: number
  /** kubectl's line without its dry-run suffix: `deployment.apps/web created`. */
  line: string
  kind: string
  name: string
  /** Pods the object asks for: 1 for a Pod, replicas for a Deployment or ReplicaSet, parallelism for a Job. */
  pods: number
  /** A Job's completions (1 when unset). */
  completions?: number
  restartPolicy?: string
  containers: PreviewContainer[]
  /**
   * Set when the pod's requests (millicores, bytes) exceed every node's allocatable: the scheduler leaves it
   * Pending (FailedScheduling). `nodes` is how many nodes were compared.
   */
  unschedulable?: { cpuMillis: number; memoryBytes: number; nodes: number }
}

export interface ManifestCheck {
  diagnostics: CheckDiagnostic[]
  /** One entry per document the dry run accepted. */
  preview: PreviewDocument[]
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
  // Issue 11 item 9: what the Electron app's menu asks of the page (the page ignores a command it does not know).
  | { type: 'menu'; command: MenuCommand }

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
  // Issue 11 item 2: manifest forms, live validation and the preview
  'manifests.check',
  // Issue 11 item 3: pod detail
  'pods.detail',
  // Issue 11 item 8: actions and the clock's step
  'actions.run',
  'clock.stepToNextEvent',
  // Issue 11 item 5: lifecycle history
  'history.list',
  'history.version',
  // Issue 11 item 4: the whole cluster over time
  'cluster.timeline',
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
