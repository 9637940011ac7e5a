// WATCH (`?watch=true`): a chunked 200 whose headers go out at once (kubectl's reflector waits for them:
// kubectl-wire.md §5), then one JSON object per line, `{"type":"ADDED|MODIFIED|DELETED|BOOKMARK|ERROR","object":...}`,
// as the API server frames them (apiserver pkg/endpoints/handlers/watch.go). It follows the engine's watch, so
// in `podlab serve` it streams as the real-time clock runs.
//   resourceVersion unset or "0": the current objects as ADDED first, then changes (the cacher's "Start at Most
//   Recent"); N: the changes after N. A revision older than the history this door keeps is an ERROR event with
//   410 Expired, `too old resource version: N (OLDEST)`, as the cacher answers it (storage/cacher/watch_cache.go:
//   an error watcher, not an HTTP error, once the request is admitted).
// With a label or field selector an object that stops matching is DELETED from the watch, and one that starts
// matching is ADDED (the cacher's filterWithAttrsFunction over the old and new object).

import type { IncomingMessage, ServerResponse } from 'node:http'
import { apiVersionOf, filterByFields, parseSelector, type Engine, type ResourceRef } from '../engine'
import type { KubeObject, WatchEvent } from '../kube'
import { badRequest, expired } from './status'
import { tableFor, type IncludeObject } from './table'

export interface WatchRequest {
  ref: ResourceRef
  namespace?: string
  labelSelector?: string
  fieldSelector?: string
  resourceVersion?: string
  /** Seconds; without it the API server's own (minRequestTimeout 1800 s, times 1 to 2). */
  timeoutSeconds?: number
  allowBookmarks: boolean
  table?: { version: 'v1' | 'v1beta1'; include: IncludeObject }
}

export interface WatchLimits {
  /** Revisions of history a watch may start from, counted back from now. */
  historyRevisions: number
  /** Wall ms between BOOKMARK events when the client allows them (the cacher's ~1 minute). */
  bookmarkMs: number
  /** Bytes a slow client may leave unread before its watch is ended (the server stays up). */
  maxBufferedBytes: number
}

const keyOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`

/**
 * Serves one watch until the client goes, the timeout passes or the client reads too slowly. Throws ApiError
 * (a bad selector, before any header is sent).
 */
export function serveWatch(engine: Engine, req: IncomingMessage, res: ServerResponse, w: WatchRequest, limits: WatchLimits): void {
  const { ref } = w
  // APIObjectVersioner.ParseResourceVersion: a revision is an unsigned integer.
  if (w.resourceVersion && !/^\d+$/.test(w.resourceVersion)) {
    throw badRequest(`resourceVersion: Invalid value: ${JSON.stringify(w.resourceVersion)}: strconv.ParseUint: parsing ${JSON.stringify(w.resourceVersion)}: invalid syntax`)
  }
  const options = { labelSelector: w.labelSelector, fieldSelector: w.fieldSelector }
  // Lists first: a bad selector is a 400 before the stream starts, and the list is the starting selection.
  const current = engine.list(ref.resource, ref.namespaced ? w.namespace : undefined, options, ref.group)
  const labels = w.labelSelector ? parseSelector(w.labelSelector) : undefined
  const matches = (o: KubeObject) =>
    (!labels || labels.matches(o.metadata.labels)) && (!w.fieldSelector || filterByFields(ref.group, ref.kind, ref.namespaced, w.fieldSelector, [o]).length === 1)
  const selection = new Set(current.items.map(keyOf))

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' })
  res.flushHeaders()

  let stopped = false
  let unwatch: () => void = () => {}
  const timers: NodeJS.Timeout[] = []
  const stop = () => {
    if (stopped) return
    stopped = true
    unwatch()
    for (const t of timers) clearTimeout(t)
    if (!res.writableEnded) res.end()
  }
  req.on('close', stop)
  res.on('close', stop)
  res.on('error', stop)

  const send = (type: WatchEvent['type'] | 'BOOKMARK' | 'ERROR', object: unknown) => {
    if (stopped) return
    res.write(`${JSON.stringify({ type, object })}\n`)
    // A client that stopped reading: end its watch rather than hold its backlog (a reflector relists).
    if (res.writableLength > limits.maxBufferedBytes) stop()
  }
  const encode = (object: KubeObject, resourceVersion: string): unknown =>
    w.table ? tableFor(engine, ref, [object], { ...w.table, resourceVersion }) : object

  const latest = Number(current.resourceVersion)
  const asked = w.resourceVersion === undefined || w.resourceVersion === '' || w.resourceVersion === '0' ? undefined : Number(w.resourceVersion)
  if (asked !== undefined && asked < latest - limits.historyRevisions) {
    send('ERROR', expired(`too old resource version: ${asked} (${latest - limits.historyRevisions})`).toStatus())
    stop()
    return
  }
  if (asked === undefined) for (const o of current.items) send('ADDED', encode(o, current.resourceVersion))
  const from = asked ?? latest

  // A kind served in two groups from one storage (events.k8s.io's Events are core Events kept once): the stored
  // object is read back in the watched group's version; a deleted one is the last version sent.
  const storedAs = engine.resources().find((r) => r.group === '' && r.resource === ref.resource && r.kind === ref.kind)
  const converted = new Map<string, KubeObject>()
  const inGroup = (o: KubeObject, type: WatchEvent['type']): KubeObject | undefined => {
    if (o.apiVersion === apiVersionOf(ref)) return o
    if (!storedAs || ref.group === '' || o.apiVersion !== apiVersionOf(storedAs)) return undefined
    const key = keyOf(o)
    if (type === 'DELETED') return converted.get(key)
    try {
      const read = engine.get(ref.resource, o.metadata.namespace, o.metadata.name ?? '', ref.group)
      converted.set(key, read)
      return read
    } catch {
      return undefined
    }
  }

  const follow = (event: WatchEvent, resourceVersion: string) => {
    if (Number(resourceVersion) <= from || event.object.kind !== ref.kind) return
    const o = inGroup(event.object, event.type)
    if (!o) return
    if (ref.namespaced && w.namespace !== undefined && o.metadata.namespace !== w.namespace) return
    const key = keyOf(o)
    const was = selection.has(key)
    const now = event.type !== 'DELETED' && matches(o)
    if (event.type === 'DELETED' || !now) {
      selection.delete(key)
      if (was || (event.type === 'DELETED' && matches(o))) send('DELETED', encode(o, resourceVersion))
      return
    }
    selection.add(key)
    send(was || event.type === 'ADDED' ? event.type : 'ADDED', encode(o, resourceVersion))
  }
  // An event this watch cannot encode (its Table row failing) ends the watch, as the API server's watch handler
  // returns on an encoding error (handlers/watch.go): the client watches again from the last revision it got and
  // hears the event then. The engine drops a watcher's exceptions, so without this the event would be lost and
  // the watch go on as if nothing had happened (a `get -w` missing its Running line).
  unwatch = engine.watch(String(from), (event, resourceVersion) => {
    try {
      follow(event, resourceVersion)
    } catch (e) {
      console.error(`podlab: a watch of ${ref.resource} ended: the change at resourceVersion ${resourceVersion} could not be encoded: ${e instanceof Error ? e.message : String(e)}`)
      stop()
    }
  })
  if (stopped) {
    unwatch()
    return
  }

  const timeoutMs = (w.timeoutSeconds ?? 1800 * (1 + Math.random())) * 1000
  timers.push(setTimeout(stop, timeoutMs))
  if (w.allowBookmarks) {
    const bookmark = () => {
      send('BOOKMARK', { kind: ref.kind, apiVersion: apiVersionOf(ref), metadata: { resourceVersion: engine.info().resourceVersion, creationTimestamp: null } })
      timers.push(setTimeout(bookmark, limits.bookmarkMs))
    }
    timers.push(setTimeout(bookmark, limits.bookmarkMs))
  }
}
