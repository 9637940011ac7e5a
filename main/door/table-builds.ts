// One Table build per distinct view, shared by every Session on the engine. With 200 pages watching 1,000
// pods, building the table once per page pushed a call's latency from 7 ms to seconds (issue 5); a view's
// table now depends only on (view, resourceVersion, virtual now), so it is built once for that key.

import { type Table } from '../kube'
import { tableViewKey, type TableView } from '../contract'
import type { Engine } from '../engine'

/** Distinct views remembered at once; the oldest is forgotten first (a view is cheap to build again). */
const MAX_REMEMBERED_VIEWS = 256

interface Built {
  resourceVersion: string
  nowMs: number
  table: Table
}

const jsonOf = new WeakMap<Table, string>()

/** `JSON.stringify(table)`, done once per table a TableBuilds made (every door sending it reuses the text). */
export function tableJson(table: Table): string {
  return jsonOf.get(table) ?? JSON.stringify(table)
}

export class TableBuilds {
  private readonly built = new Map<string, Built>()

  constructor(private readonly engine: Engine) {}

  /**
   * The Table of `view` now. The same object is returned while the table would not change (same
   * resourceVersion and virtual now, or a rebuild that came out identical), so callers may compare by identity.
   * Throws what engine.table throws.
   */
  table(view: TableView): Table {
    const key = tableViewKey(view)
    const { resourceVersion, clock } = this.engine.info()
    const last = this.built.get(key)
    if (last && last.resourceVersion === resourceVersion && last.nowMs === clock.nowMs) return last.table
    const table = this.engine.table(view.resource, view.namespace)
    const json = JSON.stringify(table)
    this.built.delete(key)
    if (this.built.size >= MAX_REMEMBERED_VIEWS) this.built.delete(this.built.keys().next().value as string)
    // An identical rebuild (the clock moved less than any AGE cell shows) keeps the old object: nothing to push.
    const kept = last && jsonOf.get(last.table) === json ? last.table : table
    this.built.set(key, { resourceVersion, nowMs: clock.nowMs, table: kept })
    jsonOf.set(kept, json)
    return kept
  }
}

const perEngine = new WeakMap<Engine, TableBuilds>()

/** The TableBuilds every Session on `engine` shares. */
export function tableBuildsFor(engine: Engine): TableBuilds {
  let builds = perEngine.get(engine)
  if (!builds) {
    builds = new TableBuilds(engine)
    perEngine.set(engine, builds)
  }
  return builds
}
