// GET pods/NAME/log (pkg/registry/core/pod/rest/log.go, PodLogOptions): the container's log as text/plain;
// `follow=true` streams it (headers at once, each committed line as the clock runs) until the container ends.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Engine, LogsRequest } from '../engine'
import { badRequest } from './status'

const bool = (value: string | null) => value === 'true' || value === '1'

/** A PodLogOptions integer (`tailLines`, `sinceSeconds`, `limitBytes`); BadRequest for one that does not parse. */
function integer(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name)
  if (value === null || value === '') return undefined
  if (!/^-?\d+$/.test(value)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`)
  return Number(value)
}

/** The engine's LogsRequest for this query. Throws DoorError for a number that does not parse. */
export function logsRequest(namespace: string, pod: string, query: URLSearchParams): LogsRequest {
  const container = query.get('container')
  const tailLines = integer(query, 'tailLines')
  const sinceSeconds = integer(query, 'sinceSeconds')
  const limitBytes = integer(query, 'limitBytes')
  return {
    namespace,
    pod,
    ...(container ? { container } : {}),
    ...(bool(query.get('previous')) ? { previous: true } : {}),
    ...(bool(query.get('follow')) ? { follow: true } : {}),
    ...(bool(query.get('timestamps')) ? { timestamps: true } : {}),
    ...(tailLines !== undefined ? { tailLines } : {}),
    ...(sinceSeconds !== undefined ? { sinceSeconds } : {}),
    ...(limitBytes !== undefined ? { limitBytes } : {}),
  }
}

/** Answers the log request. Throws ApiError (NotFound, BadRequest) before anything is written. */
export function serveLogs(engine: Engine, req: IncomingMessage, res: ServerResponse, request: LogsRequest): void {
  if (!request.follow) {
    const text = engine.logs(request)
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' })
    res.end(text)
    return
  }
  let stop: () => void = () => {}
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    stop()
    if (!res.writableEnded) res.end()
  }
  // The same checks as a plain read, while a Status can still be answered (followLogs hears the log so far
  // at once, so the headers must go before it).
  const { follow: _follow, ...once } = request
  engine.logs(once)
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' })
  res.flushHeaders()
  try {
    stop = engine.followLogs(request, { text: (chunk) => !ended && res.write(chunk), end })
  } catch {
    // Checked a moment ago: a failure now (the pod went in between) ends this stream, not the server.
    end()
    return
  }
  if (ended) stop()
  req.on('close', end)
  res.on('close', end)
}
