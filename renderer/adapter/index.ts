// The one PodlabApi the app uses: the Electron preload's bridge when present, else a WebSocket to the
// page's own host (`podlab serve`), else an API whose every call fails with a clear reason.

import { CALL_NAMES, type PodlabApi } from '../../main/contract'
import { bridgeApi, isBridgeLike } from './bridge'
import { WebSocketConnection, type ConnectionState } from './websocket'
import { internalFailure } from './wire'

export type { ConnectionState } from './websocket'

/** Where the connection state comes from; the preload's IPC never drops, so it is always 'open'. */
export interface ConnectionSource {
  readonly connectionState: ConnectionState
  onState(listener: (state: ConnectionState) => void): () => void
}

export interface ApiHandle {
  api: PodlabApi
  connection: ConnectionSource
  /** 'ipc' under Electron, 'websocket' in a browser. */
  transport: 'ipc' | 'websocket' | 'none'
}

/** The WebSocket endpoint on the page's own origin. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/podlab`
}

const alwaysOpen: ConnectionSource = { connectionState: 'open', onState: () => () => {} }

export function createApi(win: { podlab?: unknown; location: Pick<Location, 'protocol' | 'host'> }): ApiHandle {
  if (isBridgeLike(win.podlab)) {
    try {
      return { api: bridgeApi(win.podlab), connection: alwaysOpen, transport: 'ipc' }
    } catch (e) {
      // The preload lacks calls this renderer knows: say so on every call rather than show a blank window.
      const message = e instanceof Error ? e.message : String(e)
      return { api: unavailableApi(message), connection: alwaysOpen, transport: 'ipc' }
    }
  }
  if (win.location.host) {
    const connection = new WebSocketConnection({ url: socketUrl(win.location) })
    return { api: connection.api, connection, transport: 'websocket' }
  }
  const closed: ConnectionSource = { connectionState: 'closed', onState: () => () => {} }
  return { api: unavailableApi('no Podlab host: open this page from `podlab serve` or the Podlab app'), connection: closed, transport: 'none' }
}

function unavailableApi(message: string): PodlabApi {
  const api: Record<string, unknown> = { onDelta: () => () => {} }
  const failure = internalFailure(message)
  for (const name of CALL_NAMES) api[name] = () => Promise.resolve(failure)
  return api as PodlabApi
}
