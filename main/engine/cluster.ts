// The Engine behind every door. Each call that changes anything is one SQLite transaction: the change,
// every controller's reaction at that instant, the clock and the PRNG state commit together or not at all.
// Outside watchers hear about a change only after it has committed, whichever process committed it: another
// process's commits (a `podlab kubectl` call while the app runs) reach them at this process's next call.

import { refuseDeepBody } from './api/body-depth'
import { previewImage, type ImagePreview } from './images'
import type { ClockState, ClusterInfo, KubeObject, Table, WatchEvent } from '../kube'
import { ApiServer } from './api/server'
import { runChaos, type ChaosOperation, type ChaosOutcome } from './chaos/operations'
import type { VirtualClock } from './runtime/clock'
import type { Pod } from './api/pods/types'
import type { Containerd } from './containerd/containerd'
import { PodIo, type AttachRequest, type ExecOutput, type ExecRequest, type LogFollower, type LogsRequest } from './containerd/pod-io'
import type { ContainerRecord } from './containerd/state'
import type {
  AdvanceOptions,
  ClockOwner,
  ApplyOptions,
  CreateOptions,
  DeleteOptions,
  DryRun,
  ExecListener,
  HostEngine,
  ListOptions,
  ListResult,
  NodeOperation,
  NodePowerState,
  PatchType,
  PodBinding,
  ResourceRef,
} from './engine'
import { setNodePower } from './kubelet/node-power'
import { buildTable } from './printers'
import { podTable } from './printers/pod-table'
import { RESOURCES, STORED_RESOURCES } from './resources'
import { openAPIV3, openAPIV3Root, type OpenAPIV3Document, type OpenAPIV3Root } from './api/openapi'
import { createRng } from './runtime/rng'
import { retryWhileBusy } from './store/busy'
import { CLI_KUBECONFIG_KEY, cliKubeconfigValue, parseCliKubeconfig, type CliKubeconfig } from './store/cli-kubeconfig'
import { CLOCK_OWNER_KEY, clockOwnerValue, parseClockOwner } from './store/clock-owner'
import { CommandLog, type Command } from './store/command-log'
import { asClusterFileError } from './store/open/errors'
import type { StoredEvent } from './store/object-store'
import type { World } from './world'
import { transitionLog, type ContainerTransition } from './kubelet/transitions'
import { stepToNext } from './runtime/next-event'
import { saveCopy } from './store/save-copy'
import type { ClusterTimeline, HistoryFilter, HistoryPage } from '../kube'
import { HistoryReader, type HistoryCursor, type HistoryVersion } from './store/history-reader'
import { ClusterTimelineBuilder } from './history/cluster-timeline'
import { verdictLog, type SchedulingVerdict } from './scheduler/verdicts'
import { catalogEntries, lookUpImage, type CatalogEntry, type CatalogLookup } from './images/catalog-view'

type WatchHandler = (event: WatchEvent, resourceVersion: string) => void

/** Writes after which an advance commits and goes on in a new transaction (see advance). */
export const ADVANCE_CHUNK_WRITES = 20_000

export class Cluster implements HostEngine {
  private readonly api: ApiServer
  private readonly watchers = new Set<WatchHandler>()
  private readonly clockListeners = new Set<(clock: ClockState) => void>()
  private closed = false
  /** The resourceVersion up to which watchers have heard every change, from this process or another. */
  private delivered: number
  /** A delivery is under way (see deliver). */
  private delivering = false
  private readonly io: PodIo | undefined
  private readonly followers = new Set<LogFollower>()
  private podTimeline: ClusterTimelineBuilder | undefined

  /** `runtime`: the nodes' containerd (registerControllers gives it), for logs and exec. */
  constructor(
    private readonly world: World,
    private readonly clockRef: VirtualClock,
    private readonly commands: CommandLog = new CommandLog(world.db, 'test'),
    private readonly runtime?: Containerd,
    /** Writes after which an advance commits and goes on in a new transaction (tests make it small). */
    private readonly advanceChunkWrites = ADVANCE_CHUNK_WRITES,
  ) {
    this.api = new ApiServer(world)
    this.delivered = world.store.resourceVersion()
    this.io = runtime && new PodIo(runtime)
  }

  info(): ClusterInfo {
    return this.read(() => ({
      name: this.world.store.meta('cluster_name') ?? '',
      seed: this.world.store.meta('seed') ?? '',
      resourceVersion: String(this.world.store.resourceVersion()),
      clock: this.clockRef.state(),
    }))
  }

  resources(): ResourceRef[] {
    return RESOURCES
  }

  openAPIV3Root(): OpenAPIV3Root {
    return openAPIV3Root()
  }

  openAPIV3(groupVersionPath: string): OpenAPIV3Document | undefined {
    return openAPIV3(groupVersionPath)
  }

  create(object: unknown, options?: CreateOptions): KubeObject {
    refuseDeepBody(object, options?.fieldValidation)
    if (options?.dryRun) return this.dryRun(() => this.api.create(object, options))
    return this.transact({ call: 'create', payload: { object, options } }, () => this.api.create(object, options))
  }

  get(resource: string, namespace: string | undefined, name: string, group?: string): KubeObject {
    return this.read(() => this.api.get(resource, namespace, name, group))
  }

  list(resource: string, namespace?: string, options?: ListOptions, group?: string): ListResult {
    return this.read(() => ({ items: this.api.list(resource, namespace, options, group), resourceVersion: String(this.world.store.resourceVersion()) }))
  }

  update(object: unknown, options?: CreateOptions): KubeObject {
    refuseDeepBody(object, options?.fieldValidation)
    if (options?.dryRun) return this.dryRun(() => this.api.update(object, options))
    return this.transact({ call: 'update', payload: { object, options } }, () => this.api.update(object, options))
  }

  patch(resource: string, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, options?: CreateOptions): KubeObject {
    refuseDeepBody(patch)
    if (options?.dryRun) return this.dryRun(() => this.api.patch(resource, namespace, name, patchType, patch, options))
    return this.transact({ call: 'patch', payload: { resource, namespace, name, patchType, patch, options } }, () =>
      this.api.patch(resource, namespace, name, patchType, patch, options),
    )
  }

  apply(resource: string, namespace: string | undefined, name: string, body: unknown, options: ApplyOptions): { object: KubeObject; created: boolean } {
    refuseDeepBody(body, options.fieldValidation)
    if (options.dryRun) return this.dryRun(() => this.api.apply(resource, namespace, name, body, options))
    return this.transact({ call: 'apply', payload: { resource, namespace, name, body, options } }, () => this.api.apply(resource, namespace, name, body, options))
  }

  delete(resource: string, namespace: string | undefined, name: string, options?: DeleteOptions): KubeObject {
    if (options?.dryRun) return this.dryRun(() => this.api.delete(resource, namespace, name, options))
    return this.transact({ call: 'delete', payload: { resource, namespace, name, options } }, () =>
      this.api.delete(resource, namespace, name, options),
    )
  }

  updateStatus(object: unknown, options?: CreateOptions): KubeObject {
    refuseDeepBody(object, options?.fieldValidation)
    if (options?.dryRun) return this.dryRun(() => this.api.updateStatus(object, options))
    return this.transact({ call: 'updateStatus', payload: { object, options } }, () => this.api.updateStatus(object, options))
  }

  patchStatus(resource: string, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, options?: CreateOptions): KubeObject {
    refuseDeepBody(patch)
    if (options?.dryRun) return this.dryRun(() => this.api.patchStatus(resource, namespace, name, patchType, patch, options))
    return this.transact({ call: 'patchStatus', payload: { resource, namespace, name, patchType, patch, options } }, () =>
      this.api.patchStatus(resource, namespace, name, patchType, patch, options),
    )
  }

  bind(namespace: string, name: string, binding: PodBinding, options?: { dryRun?: DryRun }): KubeObject {
    if (options?.dryRun) return this.dryRun(() => this.api.bind(namespace, name, binding, options))
    return this.transact({ call: 'bind', payload: { namespace, name, binding } }, () => this.api.bind(namespace, name, binding))
  }

  timeline(namespace: string, pod: string): ContainerTransition[] {
    return this.read(() => transitionLog(this.world).forName(namespace, pod))
  }

  history(filter: HistoryFilter, cursor: HistoryCursor, limit: number): HistoryPage {
    return this.read(() => new HistoryReader(this.world.db).page(filter, cursor, limit))
  }

  historyVersion(resourceVersion: number): HistoryVersion | undefined {
    return this.read(() => new HistoryReader(this.world.db).version(resourceVersion))
  }

  clusterTimeline(fromMs?: number, toMs?: number): ClusterTimeline {
    return this.read(() => {
      this.podTimeline ??= new ClusterTimelineBuilder(this.world.db)
      this.podTimeline.catchUp()
      const now = this.world.now()
      return this.podTimeline.snapshot(now, fromMs ?? 0, toMs ?? now)
    })
  }

  schedulingVerdicts(namespace: string, pod: string): SchedulingVerdict[] {
    return this.read(() => verdictLog(this.world).forName(namespace, pod))
  }

  imageCatalog(image?: string): { images: CatalogEntry[]; lookup?: CatalogLookup } {
    return image === undefined ? { images: catalogEntries() } : { images: catalogEntries(), lookup: lookUpImage(image) }
  }

  evict(namespace: string, name: string, options?: DeleteOptions): KubeObject {
    // `kubectl drain --dry-run=server` evicts with DeleteOptions.dryRun: admitted, and nothing stored.
    if (options?.dryRun) return this.dryRun(() => this.api.evict(namespace, name, options))
    return this.transact({ call: 'evict', payload: { namespace, name, options } }, () => this.api.evict(namespace, name, options))
  }

  powerNode(name: string, operation: NodeOperation): NodePowerState {
    return this.transact({ call: 'powerNode', payload: { name, operation } }, () => setNodePower(this.world, name, operation))
  }

  table(resource: string, namespace: string | undefined, options: { wide?: boolean } = {}): Table {
    // Pods, the many: from their heads (store/object-heads.ts), never parsing a whole pod.
    if (resource === 'pods') {
      return this.read(() => podTable(this.world.store.podHeads(namespace), this.world.now(), String(this.world.store.resourceVersion()), options.wide ?? true))
    }
    const { items, resourceVersion } = this.list(resource, namespace)
    // The API server always fills the wide cells and leaves hiding priority-1 columns to the client.
    return buildTable(resource, items, this.world.now(), resourceVersion, options.wide ?? true)
  }

  tableOf(resource: string, objects: KubeObject[], group?: string): Table {
    return this.read(() => buildTable(resource, objects, this.world.now(), String(this.world.store.resourceVersion()), true, group))
  }

  watch(fromResourceVersion: string | undefined, handler: WatchHandler): () => void {
    // Everyone already listening hears what other processes committed first, so that the replay below and
    // the live events that follow meet exactly at `delivered`.
    this.refresh()
    if (fromResourceVersion === undefined) {
      for (const resource of STORED_RESOURCES) {
        for (const object of this.world.store.list(resource)) handler({ type: 'ADDED', object }, object.metadata.resourceVersion ?? '0')
      }
    } else {
      for (const e of this.world.store.since(Number(fromResourceVersion))) {
        if (e.resourceVersion <= this.delivered) handler({ type: e.type, object: e.object }, String(e.resourceVersion))
      }
    }
    this.watchers.add(handler)
    return () => this.watchers.delete(handler)
  }

  logs(request: LogsRequest): string {
    const io = this.podIo()
    return this.read(() => io.logs(this.pod(request), request, this.world.now()))
  }

  followLogs(request: LogsRequest, listener: { text(chunk: string): void; end(): void }): () => void {
    const io = this.podIo()
    const follower = this.read(() => io.follow(this.pod(request), request, this.world.now(), (t) => listener.text(t), () => listener.end()))
    this.followers.add(follower)
    this.pumpFollowers()
    return () => {
      follower.stop()
      this.followers.delete(follower)
    }
  }

  exec(request: ExecRequest): ExecOutput {
    const io = this.podIo()
    return this.transact({ call: 'exec', payload: { request } }, () => io.exec(this.pod(request), request))
  }

  execOpen(request: Omit<ExecRequest, 'stdin'>, listener: ExecListener): string {
    const io = this.podIo()
    return this.transact({ call: 'execOpen', payload: { request } }, () => io.open(this.pod(request), request, listener))
  }

  attachOpen(request: AttachRequest, listener: ExecListener): string {
    const io = this.podIo()
    return this.transact({ call: 'attachOpen', payload: { request } }, () => io.attach(this.pod(request), request, listener))
  }

  execInput(session: string, text: string | 'eof'): void {
    const runtime = this.containerd()
    this.transact({ call: 'execInput', payload: { session, text } }, () => runtime.sessionInput(session, text))
  }

  execClose(session: string): void {
    const runtime = this.containerd()
    this.transact({ call: 'execClose', payload: { session } }, () => runtime.closeSession(session))
  }

  private containerd(): Containerd {
    if (!this.runtime) throw new Error('this cluster was opened without a container runtime')
    return this.runtime
  }

  private podIo(): PodIo {
    this.containerd()
    return this.io!
  }

  private pod(request: { namespace: string; pod: string }): Pod {
    return this.api.get('pods', request.namespace, request.pod) as Pod
  }

  /** Hands every log follower the lines committed since its last pump; drops the ones that are over. */
  private pumpFollowers(): void {
    for (const f of this.followers) {
      try {
        if (f.pump((node, key) => this.world.nodeState.get<ContainerRecord>(node, key))) this.followers.delete(f)
      } catch {
        // The follower's own listener failed: it is dropped, as a watcher's failure is its own.
        this.followers.delete(f)
      }
    }
  }

  chaos(operation: ChaosOperation): ChaosOutcome {
    return this.transact({ call: 'chaos', payload: { operation } }, () => runChaos(this.world, operation))
  }

  clock(): ClockState {
    return this.read(() => this.clockRef.state())
  }

  advance(milliseconds: number, options: AdvanceOptions = {}): ClockState {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) throw new RangeError(`cannot advance the clock by ${milliseconds} ms`)
    const ms = Math.round(milliseconds)
    // One transaction per ADVANCE_CHUNK_WRITES writes, cut between two instants (never inside one): an advance
    // over 150,000 starting pods neither holds every change in one transaction nor keeps watchers waiting
    // until its end. Each part is recorded as the advance it made, so the parts replay as the whole did.
    let target: number | undefined
    for (let done = false; !done; ) {
      const payload = { milliseconds: 0 }
      done = this.transact(
        options.tick ? null : { call: 'advance', payload },
        () => {
          const from = this.world.now()
          target ??= from + ms
          const reached = this.world.runUntil(Math.max(target, from), this.advanceChunkWrites)
          payload.milliseconds = this.world.now() - from
          return reached
        },
        'after',
      )
    }
    return this.clockChanged()
  }

  pause(): ClockState {
    this.transact({ call: 'pause', payload: {} }, () => this.clockRef.setPaused(true))
    return this.clockChanged()
  }

  resume(): ClockState {
    this.transact({ call: 'resume', payload: {} }, () => this.clockRef.setPaused(false))
    return this.clockChanged()
  }

  setSpeed(speed: number): ClockState {
    this.transact({ call: 'setSpeed', payload: { speed } }, () => this.clockRef.setSpeed(speed))
    return this.clockChanged()
  }

  nextEventAt(): number | undefined {
    return this.read(() => this.world.timers.nextDue())
  }

  stepToNextEvent(): { clock: ClockState; stepped: boolean } {
    const step = stepToNext(this.nextEventAt(), this.world.now())
    return step === undefined ? { clock: this.clock(), stepped: false } : { clock: this.advance(step), stepped: true }
  }

  onClock(listener: (clock: ClockState) => void): () => void {
    this.clockListeners.add(listener)
    return () => this.clockListeners.delete(listener)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.watchers.clear()
    this.clockListeners.clear()
    this.followers.clear()
    this.world.db.close()
  }

  imagePreview(image: string): ImagePreview {
    return previewImage(image)
  }

  /**
   * Runs `change` and everything the controllers do about it now, as one IMMEDIATE transaction: the write lock
   * is taken first, then this process catches up with every other process's commits, so the change starts from
   * the file's latest clock, generator and objects (a stale generator would hand out a UID again; a stale clock
   * would stamp history earlier than the row before).
   *
   * `command` (null for what is not a user's command: a real-time tick, the clock owner row) is recorded in the
   * same transaction, so a command that fails rolls back with its row: the commands table holds only what
   * changed the file. Its payload is serialised before `change` runs, which may fill in the object it was given
   * (with `serialise` 'after', once it has run: a part of an advance learns its length as it goes).
   */
  private transact<T>(command: Command | null, change: () => T, serialise: 'before' | 'after' = 'before'): T {
    if (this.closed) throw new Error('the cluster file is closed')
    let payload = command && serialise === 'before' ? JSON.stringify(command.payload) : null
    let theirs: StoredEvent[] = []
    let ours: StoredEvent[] = []
    let latest = 0
    const write = this.world.db.transaction(() => {
      this.world.catchUp()
      // Compared with the file, not with what catchUp saw: a write that failed after catching up may have read
      // other processes' commits that nobody has heard yet.
      const before = this.world.store.resourceVersion()
      const atMs = this.world.now()
      theirs = this.watchers.size > 0 && before > this.delivered ? this.world.store.since(this.delivered) : []
      this.world.keepEvents = this.watchers.size > 0
      const r = change()
      this.world.settle()
      ours = this.world.commit()
      latest = this.world.store.resourceVersion()
      if (command && serialise === 'after') payload = JSON.stringify(command.payload)
      if (command && payload !== null) this.commands.record(command.call, payload, atMs, before, latest)
      return r
    })
    let result: T
    try {
      result = retryWhileBusy(
        () => write.immediate(),
        () => this.world.rollback(),
      )
    } catch (e) {
      this.world.rollback()
      throw asClusterFileError(e, this.world.db.name) ?? e
    }
    this.deliver([...theirs, ...ours])
    // Nested in a delivery, the events after `delivered` are still to be heard (deliver's loop hands them on).
    if (!this.delivering) this.delivered = Math.max(this.delivered, latest)
    this.pumpFollowers()
    return result
  }

  /**
   * A dry-run request (CreateOptions.dryRun): a read that may draw from the seeded generator (a uid, a generated
   * name, the service account volume's suffix) and must not move it, or the next real create would get other
   * names than the same history without the dry run. Not a command: it changes nothing, so nothing replays it.
   */
  private dryRun<T>(request: () => T): T {
    return this.read(() => {
      const drawn = this.world.rng.state()
      try {
        return request()
      } finally {
        this.world.rng = createRng(drawn)
      }
    })
  }

  /**
   * A read: catches up first (see refresh). SQLite finding damaged pages on the way (SQLITE_CORRUPT) becomes
   * ClusterFileDamaged, a sentence naming the file, like every other bad row.
   */
  private read<T>(body: () => T): T {
    try {
      this.refresh()
      return body()
    } catch (e) {
      throw asClusterFileError(e, this.world.db.name) ?? e
    }
  }

  /** Outside a write: catches up with other processes' commits and lets the watchers hear them. */
  private refresh(): void {
    if (this.closed) return
    this.world.catchUp()
    const latest = this.world.store.resourceVersion()
    if (latest <= this.delivered) return
    if (this.followers.size > 0) this.pumpFollowers()
    // With nobody listening there is nothing to read: the next watcher replays from its own resourceVersion.
    if (this.watchers.size === 0) this.delivered = latest
    else this.deliver(this.world.store.since(this.delivered))
  }

  /**
   * Hands committed events to every watcher, in resourceVersion order, each once. A watcher that reads the
   * engine while it hears an event (`get -w` asks for the object's Table row) must not hear the later events
   * first: reads and writes inside a delivery do not deliver; this loop goes on in order, to what they committed.
   */
  private deliver(events: StoredEvent[]): void {
    if (this.delivering) return
    this.delivering = true
    try {
      this.deliverInOrder(events)
      while (this.watchers.size > 0 && this.world.store.resourceVersion() > this.delivered) this.deliverInOrder(this.world.store.since(this.delivered))
    } finally {
      this.delivering = false
    }
  }

  private deliverInOrder(events: StoredEvent[]): void {
    for (const e of events) {
      if (e.resourceVersion <= this.delivered) continue
      this.delivered = e.resourceVersion
      for (const w of this.watchers) {
        try {
          w({ type: e.type, object: e.object }, String(e.resourceVersion))
        } catch {
          // The watcher's own fault (the change has committed); it hears the next event as usual.
        }
      }
    }
  }

  poll(): boolean {
    if (this.closed) return false
    const clock = this.clockRef.state()
    const delivered = this.delivered
    // read() catches up first (refresh): that is the whole of a poll, with damaged pages worded as for any read.
    this.read(() => undefined)
    const now = this.clockRef.state()
    const clockMoved = now.nowMs !== clock.nowMs || now.paused !== clock.paused || now.speed !== clock.speed
    if (clockMoved) this.clockChanged()
    return clockMoved || this.delivered !== delivered
  }

  clockOwner(): ClockOwner | undefined {
    const value = this.read(() => this.world.store.meta(CLOCK_OWNER_KEY))
    return value === undefined ? undefined : parseClockOwner(value)
  }

  claimClock(owner: ClockOwner): void {
    this.transact(null, () => this.world.store.setMeta(CLOCK_OWNER_KEY, clockOwnerValue(owner)))
  }

  releaseClock(owner: ClockOwner): void {
    this.transact(null, () => this.world.store.removeMeta(CLOCK_OWNER_KEY, clockOwnerValue(owner)))
  }

  cliKubeconfig(): CliKubeconfig {
    const value = this.read(() => this.world.store.meta(CLI_KUBECONFIG_KEY))
    return (value === undefined ? undefined : parseCliKubeconfig(value)) ?? { namespace: '' }
  }

  setCliKubeconfig(config: CliKubeconfig): void {
    const value = cliKubeconfigValue(config)
    this.transact(null, () => this.world.store.setMeta(CLI_KUBECONFIG_KEY, value))
  }

  saveCopy(path: string): void {
    this.read(() => saveCopy(this.world.db, path))
  }

  private clockChanged(): ClockState {
    const state = this.clockRef.state()
    for (const l of this.clockListeners) l(state)
    return state
  }
}
