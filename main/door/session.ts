// One connected door (an Electron window or a browser's WebSocket): it checks each call's payload, runs it
// on the engine, and pushes deltas (clock ticks, watched tables) back. Both hosts use this, so the two doors
// cannot drift apart. Pushes never run inside a call: they go out on a later turn of the event loop, so one
// call's latency does not grow with the number of watchers.

import { type ClockState, type Table } from '../kube'
import { checkCall, MAX_WATCHED_VIEWS, tableViewKey, type CallName, type Delta, type KubeApiInfo, type Reply, type RequestOf, type ResponseOf, type TableView } from '../contract'
import type { Engine } from '../engine'
import { isApiError } from '../engine'
import { ClusterFileBusy } from '../engine'
import { isClusterFileError } from '../engine'
import { applyManifests } from '../kubectl/apply-manifests'
import { tableBuildsFor, type TableBuilds } from './table-builds'
import { ConsoleJobs, TooManyJobs } from './console/console-jobs'
import { complete } from './console/complete'
import { checkManifests } from './manifest-check/check'
import { podDetail } from './pod-detail'
import { ActionNeedsTerminal, runAction } from './actions/run-action'
import { historyList, historyVersion } from './history'
import { clusterMap } from './cluster-map'
import { workloadsGraph } from './workloads-graph'

type Handlers = { [N in CallName]: (request: RequestOf<N>) => ResponseOf<N> }

/** Tables are pushed at most this often per session while the clock runs; a change always reaches the next push. */
const TABLE_PUSH_INTERVAL_MS = 250

/** Thrown by a handler for a call the payload check cannot see is wrong; becomes a BadRequest reply. */
class RefusedCall extends Error {}

interface Watched {
  view: TableView
  /** The table last pushed for this view; the same object again means nothing changed. */
  pushed: Table | null
}

export class Session {
  private readonly views = new Map<string, Watched>()
  private readonly tables: TableBuilds
  private readonly stopWatch: () => void
  private readonly stopClock: () => void
  private readonly console: ConsoleJobs
  private pushTimer: ReturnType<typeof setTimeout> | null = null
  private clockToSend: ClockState | null = null
  private closed = false

  /**
   * `kubeApi` says where the host serves the cluster's Kubernetes API (the `kubeapi.info` call); a host that
   * serves none leaves it out.
   */
  constructor(
    private readonly engine: Engine,
    private readonly send: (delta: Delta) => void,
    private readonly kubeApi: () => KubeApiInfo = () => ({ serving: false, reason: 'This window serves no Kubernetes API.' }),
  ) {
    this.tables = tableBuildsFor(engine)
    this.console = new ConsoleJobs(engine, send)
    this.stopWatch = engine.watch(engine.info().resourceVersion, () => this.schedulePush(TABLE_PUSH_INTERVAL_MS))
    this.stopClock = engine.onClock((clock) => {
      if (this.clockToSend === null) setImmediate(() => this.flushClock())
      this.clockToSend = clock
      this.schedulePush(TABLE_PUSH_INTERVAL_MS)
    })
  }

  /** Runs a call that arrived from outside; never throws. */
  call(name: unknown, payload: unknown): Reply {
    const checked = checkCall(name, payload)
    if (!checked.ok) return { ok: false, error: { reason: 'BadRequest', message: checked.message } }
    try {
      const handler = this.handlers[checked.call] as (request: unknown) => unknown
      return { ok: true, result: handler(checked.request) } as Reply
    } catch (e) {
      if (e instanceof RefusedCall || e instanceof TooManyJobs || e instanceof ActionNeedsTerminal) return { ok: false, error: { reason: 'BadRequest', message: e.message } }
      if (isApiError(e) || isClusterFileError(e) || e instanceof ClusterFileBusy) return { ok: false, error: { reason: e.reason, message: e.message } }
      return { ok: false, error: { reason: 'Internal', message: e instanceof Error ? e.message : String(e) } }
    }
  }

  /** Stops the watches and pushes; a second call (the server stopping, then the socket's close event) does nothing. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.stopWatch()
    this.stopClock()
    this.console.close()
    if (this.pushTimer) clearTimeout(this.pushTimer)
    this.views.clear()
  }

  private readonly handlers: Handlers = {
    'cluster.info': () => this.engine.info(),
    'kubeapi.info': () => this.kubeApi(),
    'manifests.apply': ({ text, source }) => ({ outcomes: applyManifests(this.engine, text, source) }),
    'table.get': (view) => this.tables.table(view),
    'table.watch': (view) => {
      const key = tableViewKey(view)
      if (!this.views.has(key) && this.views.size >= MAX_WATCHED_VIEWS) {
        throw new RefusedCall(`table.watch: at most ${MAX_WATCHED_VIEWS} table views can be watched at once; unwatch one first`)
      }
      // A watch (again) always gets the current table, right after its reply.
      this.views.set(key, { view: { ...view }, pushed: null })
      this.schedulePush(0)
      return { watching: true }
    },
    'table.unwatch': (view) => {
      this.views.delete(tableViewKey(view))
      return { watching: false }
    },
    'clock.get': () => this.engine.clock(),
    'clock.advance': ({ seconds }) => this.engine.advance(seconds * 1000),
    'clock.pause': () => this.engine.pause(),
    'clock.resume': () => this.engine.resume(),
    'clock.setSpeed': ({ speed }) => this.engine.setSpeed(speed),
    'console.run': ({ line, columns }) => ({ job: this.console.run(line, columns) }),
    'console.input': ({ job, text, eof }) => ({ delivered: this.console.input(job, eof ? 'eof' : (text ?? '')) }),
    'console.interrupt': ({ job }) => ({ interrupted: this.console.interrupt(job) }),
    'console.complete': ({ line }) => complete(this.engine, line),
    'console.edit': ({ job, text, cancel }) => ({ delivered: this.console.edit(job, cancel ? null : (text ?? '')) }),
    'manifests.check': ({ text }) => checkManifests(this.engine, text),
    // Issue 11 item 3: pod detail
    'pods.detail': ({ namespace, name }) => podDetail(this.engine, namespace, name),
    // Issue 11 item 8: actions and the clock's step
    'actions.run': ({ action }) => runAction(this.console, action),
    'clock.stepToNextEvent': () => this.engine.stepToNextEvent(),
    // Issue 11 item 5: lifecycle history
    'history.list': (request) => historyList(this.engine, request),
    'history.version': ({ resourceVersion }) => historyVersion(this.engine, resourceVersion),
    // Issue 11 item 4: the whole cluster over time
    'cluster.timeline': ({ from, to }) => this.engine.clusterTimeline(from, to),
    // Issue 11 items 6 and 7: the cluster map, ownership graph, why Pending, the image catalog
    'cluster.map': () => clusterMap(this.engine),
    'workloads.graph': ({ namespace }) => workloadsGraph(this.engine, namespace),
    'scheduling.verdicts': ({ namespace, name }) => ({ verdicts: this.engine.schedulingVerdicts(namespace, name) }),
    'images.catalog': ({ image }) => this.engine.imageCatalog(image),
  }

  private flushClock(): void {
    const clock = this.clockToSend
    this.clockToSend = null
    if (clock && !this.closed) this.send({ type: 'clock', clock })
  }

  // Coalesces bursts (one apply writes several times; the clock ticks many times a second at 100x) into one
  // push per view, which is skipped when the shared build is the table this session already has.
  private schedulePush(delayMs: number): void {
    if (this.views.size === 0 || this.closed) return
    if (this.pushTimer) {
      if (delayMs > 0) return
      clearTimeout(this.pushTimer)
    }
    // The push itself waits for the check phase, so calls already received (poll phase) are answered first.
    this.pushTimer = setTimeout(() => {
      setImmediate(() => {
        this.pushTimer = null
        if (!this.closed) this.pushTables()
      })
    }, delayMs)
  }

  private pushTables(): void {
    for (const watched of this.views.values()) {
      let table: Table
      try {
        table = this.tables.table(watched.view)
      } catch (e) {
        console.error(`podlab: the ${tableViewKey(watched.view)} table could not be built: ${(e as Error).message}`)
        continue
      }
      if (table === watched.pushed) continue
      watched.pushed = table
      this.send({ type: 'table', view: watched.view, table })
    }
  }
}

export type { ClockState }
