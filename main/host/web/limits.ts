// What one `podlab serve` allows each client, so that no socket can hold the server's memory or time.
// Tests pass smaller values; everything else uses WEB_LIMITS.

import { MAX_CALL_MESSAGE_BYTES } from '../../contract'

export interface WebLimits {
  /** Largest WebSocket frame or message, in bytes; bigger ones close the socket with 1009. */
  maxMessageBytes: number
  /** Open WebSockets at once; the next upgrade gets 503. */
  maxSockets: number
  /** Open TCP connections at once (pages, sockets, idle keep-alives); Node drops the ones over it. */
  maxConnections: number
  /** A WebSocket whose unsent output grows past this many bytes (a client that stopped reading) is dropped. */
  maxBufferedBytes: number
  /** Every this many ms each WebSocket is pinged; one that has not answered the previous ping is dropped. */
  heartbeatMs: number
  /** ms a client may take to send a request's headers. */
  headersTimeoutMs: number
  /** ms a client may take to send a whole request. */
  requestTimeoutMs: number
  /** ms an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number
  /** ms between Node's checks of the two timeouts above. */
  timeoutCheckMs: number
}

export const WEB_LIMITS: WebLimits = {
  maxMessageBytes: MAX_CALL_MESSAGE_BYTES,
  maxSockets: 256,
  maxConnections: 1024,
  maxBufferedBytes: 32 * 1024 * 1024,
  heartbeatMs: 30_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckMs: 1_000,
}
