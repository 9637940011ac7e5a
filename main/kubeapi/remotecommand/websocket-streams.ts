// pods/exec and pods/attach over WebSocket (kubectl 1.30+), as kube-apiserver 1.32 serves them: its
// StreamTranslator (staging/src/k8s.io/apiserver/pkg/util/proxy/streamtranslator.go, websocket.go) accepts only
// the v5.channel.k8s.io subprotocol (wsstream: a 403 otherwise, and kubectl falls back to SPDY), opens binary
// channels 0 stdin, 1 stdout, 2 stderr, 3 error, 4 resize (the first byte of every message), sends an empty
// message on the lowest writable channel, relays the kubelet's session, writes the Status on channel 3 and
// closes with 1000. From the client: 0 + data is stdin, 4 + JSON a terminal size, 255 + channel closes that
// channel (v5's close signal: the end of stdin).

import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { createRequire } from 'node:module'
import type { RawData, WebSocket, WebSocketServer } from 'ws'
import type { Engine } from '../../engine'
import { KubeletRefused, kubeletFindContainer, type StreamPod, type StreamTarget } from './location'
import type { RemoteCommandRequest } from './options'
import { writeRawResponse } from './raw-response'
import { runRemoteCommand, type RemoteInput } from './session'
import { internalError, kubeletStatus, translatedStatus, type StreamStatus } from './stream-status'

/** remotecommand.StreamProtocolV5Name, the only subprotocol the API server's WebSocket server speaks. */
export const STREAM_PROTOCOL_V5 = 'v5.channel.k8s.io'
/** Channel numbers (apimachinery pkg/util/remotecommand constants.go). */
export const Channel = { STDIN: 0, STDOUT: 1, STDERR: 2, ERROR: 3, RESIZE: 4, CLOSE: 255 } as const

/** The first byte names the channel. */
export function channelMessage(channel: number, data: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([Buffer.from([channel]), data])
}

function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
}

function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.from(data)
}

/** The WebSocket server (no listening socket of its own: the REST door hands it upgrades). */
export function webSocketServer(): WebSocketServer {
  // Required here, not at load: `ws` is ~30 ms of every `podlab` start, and only a served API upgrades.
  const { WebSocketServer: Server } = createRequire(import.meta.url)('ws') as typeof import('ws')
  return new Server({ noServer: true, handleProtocols: () => STREAM_PROTOCOL_V5, perMessageDeflate: false })
}

/**
 * Upgrades `socket` and serves `request` in `target` (the API server's checks passed; the kubelet's run after the
 * upgrade, as the translator only meets them through its SPDY call). Never throws: a refusal is written on the
 * socket or as the Status on channel 3.
 */
export function serveWebSocket(
  engine: Engine,
  server: WebSocketServer,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  request: RemoteCommandRequest,
  target: StreamTarget,
  pod: StreamPod,
): void {
  if (!offeredProtocols(req).includes(STREAM_PROTOCOL_V5)) {
    // golang.org/x/net/websocket: a failed Handshake is a bare 403.
    writeRawResponse(socket, 403, undefined, '')
    return
  }
  server.handleUpgrade(req, socket, head, (ws) => session(engine, ws, request, target, pod))
}

function session(engine: Engine, ws: WebSocket, request: RemoteCommandRequest, target: StreamTarget, pod: StreamPod): void {
  const { streams } = request
  let ended = false
  let input: RemoteInput | undefined
  const send = (channel: number, data?: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(channelMessage(channel, data), { binary: true })
  }
  // websocket.go finish: the Status on channel 3, then the close frame; the client closes the connection.
  const finish = (status: StreamStatus) => {
    if (ended) return
    ended = true
    send(Channel.ERROR, Buffer.from(JSON.stringify(status)))
    if (ws.readyState === ws.OPEN) ws.close(1000)
  }
  ws.on('message', (raw) => {
    const data = asBuffer(raw)
    if (ended || data.length === 0) return
    const channel = data[0]!
    if (channel === Channel.STDIN && streams.stdin) input?.stdin(data.subarray(1))
    else if (channel === Channel.CLOSE && data[1] === Channel.STDIN && streams.stdin) input?.stdinEnd()
    // Podlab does not simulate terminal sizes yet: channel 4's sizes are read and dropped.
  })
  ws.on('close', () => {
    if (!ended) {
      ended = true
      input?.hangUp()
    }
  })
  ws.on('error', () => ws.terminate())

  send(streams.stdout ? Channel.STDOUT : streams.stderr ? Channel.STDERR : Channel.ERROR)
  try {
    kubeletFindContainer(pod, target, request.subresource)
  } catch (e) {
    // The translator's SPDY call to the kubelet was refused: `unable to upgrade connection: <the kubelet's text>`.
    if (e instanceof KubeletRefused) return finish(internalError(`unable to upgrade connection: ${e.message}`))
    throw e
  }
  try {
    input = runRemoteCommand(engine, request, target, {
      output: (stream, data) => send(stream === 'stdout' ? Channel.STDOUT : Channel.STDERR, data),
      end: (outcome) => finish(translatedStatus(kubeletStatus(outcome))),
    })
  } catch (e) {
    finish(internalError(e instanceof Error ? e.message : String(e)))
  }
}
