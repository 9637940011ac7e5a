// pods/exec and pods/attach over SPDY/3.1 (kubectl 1.27-1.29, and 1.30+ when the WebSocket handshake fails), as
// the kubelet serves them (pkg/kubelet/cri/streaming/remotecommand/httpstream.go createHTTPStreamStreams, v4
// protocol): the X-Stream-Protocol-Version handshake, the 101 with `Upgrade: SPDY/3.1`, then the client opens
// one stream per `streamtype` header (error, stdin, stdout, stderr, resize); once all it asked for are there the
// command starts; at its end stdout and stderr close, the error stream carries the kubelet's Status and the
// connection goes away (GOAWAY).

import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Engine } from '../../engine'
import type { StreamTarget } from './location'
import type { RemoteCommandRequest } from './options'
import { writeRawResponse } from './raw-response'
import { runRemoteCommand, type RemoteInput } from './session'
import { SpdyServerConnection, type SpdyStream } from './spdy/connection'
import { internalError, kubeletStatus, type StreamStatus } from './stream-status'

/** remotecommandconsts.StreamProtocolV4Name: the one protocol served (every kubectl 1.27+ offers it). */
export const STREAM_PROTOCOL_V4 = 'v4.channel.k8s.io'
const SERVER_PROTOCOLS = [STREAM_PROTOCOL_V4]
/** How long the kubelet waits for the client's streams (remotecommandconsts.DefaultStreamCreationTimeout), ms. */
export const STREAM_CREATION_TIMEOUT_MS = 30_000

/** The client's X-Stream-Protocol-Version values (repeated headers arrive joined by commas). */
function clientProtocols(req: IncomingMessage): string[] {
  const raw = req.headers['x-stream-protocol-version']
  const joined = Array.isArray(raw) ? raw.join(',') : (raw ?? '')
  return joined
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
}

/**
 * httpstream.Handshake: the first of the client's protocols the server speaks. Otherwise answers 403 (or 400
 * without the header) with its text, and returns undefined.
 */
function handshake(req: IncomingMessage, socket: Duplex): string | undefined {
  const offered = clientProtocols(req)
  if (offered.length === 0) {
    writeRawResponse(socket, 400, 'text/plain; charset=utf-8', 'unable to upgrade: X-Stream-Protocol-Version is required\n')
    return undefined
  }
  const chosen = offered.find((p) => SERVER_PROTOCOLS.includes(p))
  if (chosen === undefined) {
    const text = `unable to upgrade: unable to negotiate protocol: client supports [${offered.join(' ')}], server accepts [${SERVER_PROTOCOLS.join(' ')}]\n`
    writeRawResponse(socket, 403, 'text/plain; charset=utf-8', text, { 'X-Accepted-Stream-Protocol-Versions': SERVER_PROTOCOLS.join(', ') })
    return undefined
  }
  return chosen
}

/** The streams the client must open before the command starts (createHTTPStreamStreams' expectedStreams). */
function expectedStreams(request: RemoteCommandRequest): Set<string> {
  const wanted = new Set(['error'])
  if (request.streams.stdin) wanted.add('stdin')
  if (request.streams.stdout) wanted.add('stdout')
  if (request.streams.stderr) wanted.add('stderr')
  if (request.streams.tty) wanted.add('resize')
  return wanted
}

/**
 * Upgrades `socket` to SPDY/3.1 and serves `request` in `target` (already checked as the kubelet checks it).
 * Never throws: a refusal is written on the socket.
 */
export function serveSpdy(engine: Engine, req: IncomingMessage, socket: Duplex, head: Buffer, request: RemoteCommandRequest, target: StreamTarget): void {
  const protocol = handshake(req, socket)
  if (protocol === undefined) return
  socket.write(
    ['HTTP/1.1 101 Switching Protocols', 'Connection: Upgrade', 'Upgrade: SPDY/3.1', `X-Stream-Protocol-Version: ${protocol}`, '', ''].join('\r\n'),
  )
  const wanted = expectedStreams(request)
  const streams = new Map<string, SpdyStream>()
  let input: RemoteInput | undefined
  let ended = false
  const connection = new SpdyServerConnection(socket, head, (stream) => {
    const type = stream.headers.get('streamtype')?.[0] ?? ''
    if (!wanted.has(type) || streams.has(type) || input) return
    streams.set(type, stream)
    if (type === 'stdin') {
      stream.onData = (data) => input?.stdin(data)
      stream.onEnd = () => input?.stdinEnd()
    }
    // Podlab does not simulate terminal sizes yet: resize messages ({"Width":80,"Height":24}) are read and dropped.
    if (streams.size === wanted.size) start()
  })
  const timeout = setTimeout(() => {
    if (!input) connection.close()
  }, STREAM_CREATION_TIMEOUT_MS)
  connection.onClose(() => {
    clearTimeout(timeout)
    if (!ended) input?.hangUp()
  })

  function start(): void {
    clearTimeout(timeout)
    // ServeExec's end: the output streams close, the error stream carries the Status, the connection goes.
    const finish = (status: StreamStatus) => {
      ended = true
      streams.get('stdout')?.end()
      streams.get('stderr')?.end()
      const error = streams.get('error')!
      error.write(Buffer.from(JSON.stringify(status)))
      error.end()
      connection.close()
    }
    try {
      input = runRemoteCommand(engine, request, target, {
        output: (stream, data) => streams.get(stream)?.write(data),
        end: (outcome) => finish(kubeletStatus(outcome)),
      })
    } catch (e) {
      // The container stopped between the check and the start (or the engine is closing): nothing ran.
      finish(internalError(e instanceof Error ? e.message : String(e)))
    }
    // kubectl opens every stream before it copies stdin, so no stdin arrives before `input` is there.
  }
}
