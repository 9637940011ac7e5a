// The history calls (issue 11 item 5): pages of the recorded history, and one version of an object as
// `kubectl get -o yaml` prints it (managedFields left out, as kubectl does without --show-managed-fields)
// beside its version before, for the UI's YAML and diff.

import type { HistoryListRequest, HistoryVersionView, ResponseOf } from '../contract'
import type { Engine } from '../engine'
import { ApiError } from '../engine'
import { serialize } from '../kubectl/printers/print-flags'

/** Rows a page holds when the caller does not say. */
export const DEFAULT_HISTORY_PAGE = 100

/** `history.list`: a page, newest first. The request is already checked (validate-history.ts). */
export function historyList(engine: Engine, request: HistoryListRequest): ResponseOf<'history.list'> {
  const cursor = request.before !== undefined ? { before: request.before } : request.after !== undefined ? { after: request.after } : {}
  return engine.history(request.filter ?? {}, cursor, request.limit ?? DEFAULT_HISTORY_PAGE)
}

/** `history.version`: the object at `resourceVersion` and its version before, as YAML. Throws ApiError NotFound when no row has it. */
export function historyVersion(engine: Engine, resourceVersion: number): HistoryVersionView {
  const v = engine.historyVersion(resourceVersion)
  if (!v) throw new ApiError('NotFound', `no change with resourceVersion ${resourceVersion} in this cluster's history`)
  return {
    entry: v.entry,
    yaml: serialize('yaml', v.object),
    previous: v.previous ? { entry: v.previous.entry, yaml: serialize('yaml', v.previous.object) } : null,
  }
}
