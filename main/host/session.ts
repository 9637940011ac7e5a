// One connected door (an Electron window or a browser's WebSocket): it checks each call's payload, runs it
// on the engine, and pushes deltas (clock ticks, watched tables) back. Both hosts use this, so the two doors
// cannot drift apart.

import {
  checkCall,
  tableViewKey,
  type CallName,
  type ClockState,
  type Delta,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type TableView,
} from '../contract'
import type { Engine } from '../engine/engine'
import { isApiError } from '../engine/api/errors'
import { applyManifests } from '../kubectl/apply-manifests'

type Handlers = { [N in CallName]: (request: RequestOf<N>) => ResponseOf<N> }

/** Tables are rebuilt at most this often per view while the clock runs; a change always reaches the next push. */
const TABLE_PUSH_INTERVAL_MS = 250

export class Session {
  private readonly views = new Map<string, TableView>()
  private readonly stopWatch: () => void
  private readonly stopClock: () => void
  private pushTimer: ReturnType<typeof setTimeout> | null = null
  private dirty = false

  constructor(
    private readonly engine: Engine,
    private readonly send: (delta: Delta) => void,
  ) {
    this.stopWatch = engine.watch(engine.info().resourceVersion, () => this.schedulePush())
    this.stopClock = engine.onClock((clock) => {
      this.send({ type: 'clock', clock })
      this.schedulePush()
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
      if (isApiError(e)) return { ok: false, error: e.toContract() }
      return { ok: false, error: { reason: 'Internal', message: e instanceof Error ? e.message : String(e) } }
    }
  }

  close(): void {
    this.stopWatch()
    this.stopClock()
    if (this.pushTimer) clearTimeout(this.pushTimer)
    this.views.clear()
  }

  private readonly handlers: Handlers = {
    'cluster.info': () => this.engine.info(),
    'manifests.apply': ({ text, source }) => ({ outcomes: applyManifests(this.engine, text, source) }),
    'table.get': (view) => this.engine.table(view.resource, view.namespace),
    'table.watch': (view) => {
      this.views.set(tableViewKey(view), { ...view })
      this.pushTable(view)
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
  }

  private pushTable(view: TableView): void {
    this.send({ type: 'table', view, table: this.engine.table(view.resource, view.namespace) })
  }

  // Coalesces bursts (one apply writes several times; the clock ticks many times a second at 100x) into one
  // table push per view.
  private schedulePush(): void {
    this.dirty = true
    if (this.pushTimer || this.views.size === 0) return
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null
      if (!this.dirty) return
      this.dirty = false
      for (const view of this.views.values()) this.pushTable(view)
    }, TABLE_PUSH_INTERVAL_MS)
  }
}

export type { ClockState }
