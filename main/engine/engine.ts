// The engine as the doors and the built-in kubectl see it: an API server (create/get/list/update/delete,
// watch), a Table builder, and the virtual clock. One implementation (./cluster.ts) sits behind it.

import type { ImagePreview } from './images'
import type { ClockState, ClusterInfo, KubeObject, Table, WatchEvent } from '../kube'
import type { CliKubeconfig } from './store/cli-kubeconfig'
import type { ClockOwner } from './store/clock-owner'
import type { AttachRequest, ExecOutput, ExecRequest, LogsRequest } from './containerd/pod-io'
import type { ContainerTransition } from './kubelet/transitions'
import type { ChaosOperation, ChaosOutcome } from './chaos/operations'
import type { OpenAPIV3Document, OpenAPIV3Root } from './api/openapi'
import type { PodBinding } from './resources/pods/binding'
import type { ClusterTimeline, HistoryFilter, HistoryPage } from '../kube'
import type { HistoryCursor, HistoryVersion } from './store/history-reader'
import type { SchedulingVerdict } from './scheduler/verdicts'
import type { CatalogEntry, CatalogLookup } from './images/catalog-view'

export type { Door } from './store/command-log'
export type { ClockOwner } from './store/clock-owner'
export type { CliKubeconfig } from './store/cli-kubeconfig'
export type { AttachRequest, ExecOutput, ExecRequest, LogsRequest } from './containerd/pod-io'
export type { ContainerTransition, TransitionCause } from './kubelet/transitions'
export type { PodBinding } from './resources/pods/binding'
export type { ChaosOperation, ChaosOutcome } from './chaos/operations'
export type { OpenAPIV3Document, OpenAPIV3Root } from './api/openapi'
export type { HistoryCursor, HistoryVersion } from './store/history-reader'
export type { CpuMemory, RejectedNode, ScoredNode, SchedulingVerdict } from './scheduler/verdicts'
export type { CatalogEntry, CatalogLookup, ImageBehaviour } from './images/catalog-view'

/** What an interactive exec session's client hears: output as it comes, then the exit code. */
export interface ExecListener {
  output(stream: 'stdout' | 'stderr', text: string): void
  exit(code: number): void
}

/** How a resource is addressed: `pods` in group "" version v1, namespaced. */
export interface ResourceRef {
  /** Plural lower-case resource, as in the REST path: `pods`, `nodes`. */
  resource: string
  group: string
  version: string
  kind: string
  namespaced: boolean
  /** Discovery's singularName (`pod`), and its shortNames (`po`) and categories (`all`), as the real API server advertises them. */
  singular?: string
  shortNames?: readonly string[]
  categories?: readonly string[]
  /** Discovery's verbs (`get`, `list`, ...), for `kubectl api-resources -o wide` and `--verbs`. */
  verbs?: readonly string[]
}

/**
 * The API server's `dryRun` query parameter (apimachinery's metav1.DryRunAll, the only value it accepts): the
 * request goes through decoding, defaulting, admission, name and uid generation and validation as it would,
 * and nothing is stored (no resourceVersion, no history row, no watch event; the seeded generator is left where
 * it was, so a dry run does not change the names later requests get). The answer is the object as it would
 * have been stored: a create's without resourceVersion, an update's or patch's with the stored one, a delete's
 * as the delete would have left it. Errors are the ones the request would raise (AlreadyExists, Invalid ...).
 * Upstream: apiserver pkg/registry/generic/registry/dryrun.go (DryRunnableStorage).
 */
export type DryRun = 'All'

export interface CreateOptions {
  /** The API server's `fieldValidation`; kubectl >= 1.27 sends Strict. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore'
  /** `All`: a server-side dry run (see DryRun); kubectl's `--dry-run=server`. */
  dryRun?: DryRun
  /**
   * The `fieldManager` query parameter: the manager metadata.managedFields records this write under (an Update
   * entry; `subresource: status` for status writes). kubectl sends its verb's (`kubectl-create`,
   * `kubectl-client-side-apply` ...). Without one: the engine's components write as their component
   * (`kube-controller-manager`, `kubelet`, `kube-scheduler`), a door as `podlab` (the apiserver's user-agent
   * prefix rule, managerOrUserAgent in apiserver endpoints/handlers/rest.go).
   */
  fieldManager?: string
}

/** PatchOptions of a server-side apply (`application/apply-patch+yaml`). */
export interface ApplyOptions extends CreateOptions {
  /** Takes the fields other managers own when they conflict (`force=true`, kubectl's --force-conflicts). */
  force?: boolean
}

export interface DeleteOptions {
  /** `All`: a server-side dry run (see DryRun): the answer is the object as the delete would leave it. */
  dryRun?: DryRun
  /** Overrides spec.terminationGracePeriodSeconds (seconds); 0 deletes at once, a negative one is 1. */
  gracePeriodSeconds?: number
  /** The delete happens only when the stored object still has this uid / resourceVersion (else Conflict). */
  preconditions?: { uid?: string; resourceVersion?: string }
  /**
   * What happens to the object's dependents (those whose ownerReferences name it): Background removes the
   * object at once and the garbage collector deletes them after; Foreground keeps the object (deletionTimestamp
   * and the `foregroundDeletion` finalizer) until every dependent with blockOwnerDeletion is gone; Orphan keeps
   * it (the `orphan` finalizer) until the garbage collector has removed it from their ownerReferences. Without
   * it: the object's own `orphan`/`foregroundDeletion` finalizer, else its kind's default (Background; batch/v1
   * Job: Orphan). Ignored while a graceful deletion is pending.
   */
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground'
}

/** JSON patch (RFC 6902), merge patch (RFC 7386) or Kubernetes' strategic merge patch. */
export type PatchType = 'json' | 'merge' | 'strategic'

export interface ListOptions {
  /** A label selector as kubectl's `-l` sends it (`app=web,tier!=db`); a bad one is BadRequest. */
  labelSelector?: string
  /** A field selector as kubectl's `--field-selector` sends it (`status.phase=Running`); a field the kind does not select by is BadRequest. */
  fieldSelector?: string
}

/** What a node operation does to its machine: power it off or on, cut it off from the API server or reconnect it. */
export type NodeOperation = 'stop' | 'start' | 'partition' | 'heal'

/** A node's machine: running, powered off, or running but cut off from the control plane. */
export type NodePowerState = 'running' | 'stopped' | 'partitioned'

export interface AdvanceOptions {
  /**
   * A tick of the real-time driver: not recorded as a command. Timers fire in order at whatever advance comes
   * next, so the history replays from the commands and their virtual times alone.
   */
  tick?: boolean
}

export interface ListResult {
  items: KubeObject[]
  resourceVersion: string
}

export interface Engine {
  info(): ClusterInfo
  /** Resources this API server serves, for discovery and kubectl's resource mapping. */
  resources(): ResourceRef[]
  /**
   * GET /openapi/v3 (kube-openapi handler3): each documented group-version (`api/v1`, `apis/apps/v1`) with the
   * SHA-512 hash of its document. The release-1.32 schemas of the served kinds and a few more (Service, CronJob,
   * StatefulSet, DaemonSet, PersistentVolumeClaim, ServiceAccount, Ingress, HorizontalPodAutoscaler).
   */
  openAPIV3Root(): OpenAPIV3Root
  /** GET /openapi/v3/<groupVersionPath>: that group-version's OpenAPI 3.0 document, undefined when none (404). */
  openAPIV3(groupVersionPath: string): OpenAPIV3Document | undefined

  /** Creates an object as a JSON value already decoded from a manifest. Throws ApiError. */
  create(object: unknown, options?: CreateOptions): KubeObject
  /** `group` picks among kinds served under one plural (`events`: core/v1, or `events.k8s.io`); default core. */
  get(resource: string, namespace: string | undefined, name: string, group?: string): KubeObject
  list(resource: string, namespace?: string, options?: ListOptions, group?: string): ListResult
  /** Replaces an object (optimistic concurrency on metadata.resourceVersion when set). Throws ApiError. */
  update(object: unknown, options?: CreateOptions): KubeObject
  /**
   * Patches an object: the patch applied to the stored object, then an update of the result (same validation;
   * Conflict when the patch carries a stale metadata.resourceVersion). Throws ApiError.
   */
  patch(resource: string, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, options?: CreateOptions): KubeObject
  /**
   * Server-side apply of `body` (an object of the resource's kind, named `name`) by `options.fieldManager`
   * (required): creates it when missing (`created`), else merges it as the apiserver does and updates. Throws
   * ApiError (Invalid: no fieldManager; Conflict 409: fields owned by other managers, unless `force`; the
   * create's and update's own errors). Upstream: apiserver endpoints/handlers/patch.go applyPatcher.
   */
  apply(resource: string, namespace: string | undefined, name: string, body: unknown, options: ApplyOptions): { object: KubeObject; created: boolean }
  delete(resource: string, namespace: string | undefined, name: string, options?: DeleteOptions): KubeObject
  /**
   * PUT .../status (the status subresource): only the status of `object` is taken, the rest stays as stored
   * (each kind's status strategy; a Deployment's annotations go through too). Throws ApiError: NotFound for a
   * kind without a status subresource, Conflict for a stale resourceVersion, Invalid.
   */
  updateStatus(object: unknown, options?: CreateOptions): KubeObject
  /** PATCH .../status: the patch applied to the stored object, then a status update of the result. Throws as updateStatus. */
  patchStatus(resource: string, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, options?: CreateOptions): KubeObject
  /**
   * POST pods/NAME/binding (what a scheduler posts): the pod goes on `binding.nodeName`. Throws ApiError: NotFound
   * for the pod, Conflict on pods/binding when it is being deleted, already on a node or gated, Conflict on pods
   * when the binding's uid or resourceVersion precondition fails. Upstream: pkg/registry/core/pod/storage/storage.go.
   */
  bind(namespace: string, name: string, binding: PodBinding, options?: { dryRun?: DryRun }): KubeObject
  /**
   * POST pods/NAME/eviction (policy/v1 Eviction, what `kubectl drain` sends): the pod gets DisruptionTarget and is
   * deleted with `options`. Podlab has no PodDisruptionBudgets yet, so no eviction is refused with 429. Returns the
   * pod as deleted. Throws ApiError (NotFound).
   */
  evict(namespace: string, name: string, options?: DeleteOptions): KubeObject

  /**
   * Stops, starts, partitions or heals the node `name`'s machine (a recorded command). A stopped node's kubelet
   * posts nothing and its containers are gone; a partitioned one keeps its containers running but reaches no API
   * server; after node-monitor-grace-period (50 s) its node goes Unknown and is tainted unreachable, and its pods
   * are evicted when their tolerationSeconds (300 s by default) run out. Returns the new state. Throws ApiError
   * NotFound for an unknown node, NodePowerUnchanged when the node is not in a state the operation leaves.
   */
  powerNode(name: string, operation: NodeOperation): NodePowerState

  /** Server-side Table for `kubectl get`, the UI's lists and (later) the REST door. */
  table(resource: string, namespace: string | undefined, options?: { wide?: boolean }): Table

  /**
   * The server's Table of given objects of `resource` at the clock's now, wide cells filled: a watch event's row
   * (`get -w`), which the list's Table can no longer give once the object is gone. `group` picks among kinds
   * served under one plural, as for get (metrics.k8s.io's pods have no printer: the default NAME AGE).
   */
  tableOf(resource: string, objects: KubeObject[], group?: string): Table

  /**
   * Every state change of the containers of the pods named `pod` in `namespace` (each incarnation by its
   * podUid), oldest first, each with its cause: the causal chain the UI's timeline writes out.
   */
  timeline(namespace: string, pod: string): ContainerTransition[]

  /** Events after `fromResourceVersion` (all current objects as ADDED when omitted), then live ones. */
  watch(fromResourceVersion: string | undefined, handler: (event: WatchEvent, resourceVersion: string) => void): () => void

  /**
   * A container's log (pods/log): `kubectl logs [-c C] [--previous] [--tail N] [--since S] [--timestamps]
   * [--limit-bytes N]`. Throws ApiError: NotFound for the pod, BadRequest with the API server's or kubelet's
   * words (`a container name must be specified for pod x, choose one of: [a b]`, `container "c" in pod "p" is
   * waiting to start: ContainerCreating`, `previous terminated container "c" in pod "p" not found`).
   */
  logs(request: LogsRequest): string
  /**
   * `kubectl logs -f`: `text` hears the log so far, then each committed line; `end` when the container ends.
   * Throws as `logs`. Returns the function that stops following.
   */
  followLogs(request: LogsRequest, listener: { text(chunk: string): void; end(): void }): () => void
  /**
   * `kubectl exec POD [-c C] -- CMD...` run to its end (a recorded command: it changes the container). Throws
   * ApiError for the request, ExecRefused with kubectl's text when the container is not running or the
   * runtime cannot start CMD (`... exec: "kill": executable file not found in $PATH: unknown`).
   */
  exec(request: ExecRequest): ExecOutput
  /** Opens an interactive exec session (`kubectl exec -it`, the console); throws as `exec`. Returns its id. */
  execOpen(request: Omit<ExecRequest, 'stdin'>, listener: ExecListener): string
  /**
   * pods/attach (`kubectl attach`, `kubectl run -i`): the listener hears the container's output from now on, and its
   * exit code when its main process ends; with `stdin`, execInput feeds that process's stdin. Throws as `exec`
   * (ExecRefused when the container is not running). Returns the session id for execInput and execClose.
   */
  attachOpen(request: AttachRequest, listener: ExecListener): string
  /** Input typed into a session or an attach (`eof` closes its stdin, as Ctrl-D at an empty line does). */
  execInput(session: string, text: string | 'eof'): void
  /**
   * Closes a session: its process gets SIGHUP, as when a terminal goes away. An attach detaches: the container
   * goes on, and its stdin closes when the pod asked for `stdinOnce`.
   */
  execClose(session: string): void
  /**
   * A chaos operation (kill or OOM-kill a container, delete a pod, fill or free a node's disk, start or stop
   * random chaos), recorded as a command so the file replays it. Throws ApiError (a missing pod or node) and
   * ChaosRefused (a container not in the pod or not running, a bad signal or value, no runtime).
   */
  chaos(operation: ChaosOperation): ChaosOutcome

  clock(): ClockState
  /** Runs the cluster forward on the virtual clock: fires every timer due on the way, in order. */
  advance(milliseconds: number, options?: AdvanceOptions): ClockState
  pause(): ClockState
  resume(): ClockState
  setSpeed(speed: number): ClockState
  onClock(listener: (clock: ClockState) => void): () => void

  close(): void

  /**
   * What the simulated registry says of an image reference as a container spec writes it (`nginx`,
   * `helloimage`), before any pod uses it: invalid (InvalidImageName), missing (the pull's containerd error), or
   * present with what its default process does (serves until stopped, or exits after ms with a code). Reads
   * nothing of the cluster; never throws. Ports the kubelet's image checks (pkg/kubelet/images/image_manager.go)
   * over Podlab's catalog. Issue 11 item 2: the manifest preview.
   */
  imagePreview(image: string): ImagePreview
  /**
   * The virtual time (ms since the Unix epoch) of the next scheduled thing: the earliest timer of any work queue
   * (a probe, a back-off's end, a pull finishing, a grace period, a process's next step), or undefined when
   * nothing is scheduled. Reads only. Throws ClusterFileDamaged for a timer row Podlab never wrote.
   */
  nextEventAt(): number | undefined
  /**
   * Advances the clock to exactly nextEventAt() (one recorded `advance`, so the file replays it) and fires what is
   * due there; `stepped: false` and the clock unchanged when nothing is scheduled. Throws as `advance`.
   */
  stepToNextEvent(): { clock: ClockState; stepped: boolean }
  // Issue 11 item 5: lifecycle history
  /**
   * A page of the recorded history (every ADDED / MODIFIED / DELETED of every object, Events included), newest
   * first: at most `limit` rows (1..500) passing `filter`, the newest ones or those past `cursor` (a
   * resourceVersion, exclusive). Only reads. Throws RangeError for a limit out of bounds or both cursors,
   * ClusterFileDamaged for a row Podlab never wrote.
   */
  history(filter: HistoryFilter, cursor: HistoryCursor, limit: number): HistoryPage
  /** The object as history recorded it at `resourceVersion`, and its version before; undefined when no row has it. Throws as history. */
  historyVersion(resourceVersion: number): HistoryVersion | undefined

  // Issue 11 item 4: the whole cluster over time
  /**
   * Every pod's STATUS (printPod's column) as intervals of virtual time (ms) overlapping [fromMs, toMs] (by
   * default the whole history to now), open ones ending at now; bounded (`truncated` past 20,000 pods or
   * 400,000 intervals). Reads only the pod rows written since the last call. Throws ClusterFileDamaged.
   */
  clusterTimeline(fromMs?: number, toMs?: number): ClusterTimeline
  // Issue 11 item 6: why this node / why Pending
  /**
   * The scheduler's recorded verdicts for the pods named `pod` in `namespace` (every incarnation, by podUid),
   * oldest first: per pod the latest attempt that did not bind (`last`) and the one that bound it (`binding`),
   * each with every node's filter rejection (and its free cpu/memory when resources were short) or scores.
   * Empty when the scheduler never tried it (a pod with spec.nodeName) or its rows were trimmed. Times in virtual ms.
   */
  schedulingVerdicts(namespace: string, pod: string): SchedulingVerdict[]
  // Issue 11 item 7: the image catalog
  /**
   * Every repository the simulated registry holds (main/engine/images/catalog*), sorted by name: its default tag,
   * tag pattern, size (bytes), pull time (ms), default entrypoint/cmd and what its default process does; with
   * `image` (a container's `image:` as written), whether the registry has it and, when not, containerd's answer
   * to a pull (or the kubelet's InvalidImageName text). Pure data: no cluster state is read. Never throws.
   */
  imageCatalog(image?: string): { images: CatalogEntry[]; lookup?: CatalogLookup }
}

/**
 * What a host holding a cluster file open needs beyond the API (kubectl and its fakes need none of it). The
 * engine only stores the clock owner: whether that process is alive is the host's question (it never reads
 * the wall clock or the process table).
 */
export interface HostEngine extends Engine {
  /** Catches up with other processes' commits and lets the watchers hear them; true when there were any. Cheap when nothing changed. */
  poll(): boolean
  /** The clock owner row (meta `clock_owner`), or undefined. ClusterFileDamaged when it is not one Podlab writes. */
  clockOwner(): ClockOwner | undefined
  /** Writes the clock owner row (replacing any). */
  claimClock(owner: ClockOwner): void
  /** Removes the clock owner row when it still names `owner`. */
  releaseClock(owner: ClockOwner): void
  /**
   * The kubeconfig `podlab kubectl` keeps in this file (meta `cli_kubeconfig`): its context's namespace, '' when
   * none is set. ClusterFileDamaged when the row is not one Podlab writes.
   */
  cliKubeconfig(): CliKubeconfig
  /** Writes it (not a cluster command: nothing is recorded). Throws RangeError for a namespace with control characters or over 253 characters. */
  setCliKubeconfig(config: CliKubeconfig): void
  /**
   * Issue 11 item 9 (File > Save a copy): writes the cluster's committed state to the file `path` (replacing it),
   * without this process's clock owner row. Not a cluster command: nothing is recorded. Throws SaveCopyRefused
   * when `path` is the open file, and the file system's or SQLite's error when it cannot be written.
   */
  saveCopy(path: string): void
}
