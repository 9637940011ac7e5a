// Connects one window to the engine: one invoke channel for every contract call, one push channel for
// deltas, one Session (the door) per window.
//
// Why one channel rather than one per call: the Session already dispatches by call name and checks every
// payload with the contract's checkCall, so a single handler is the single place where the sender is checked
// too; a new contract call needs no change here. The preload still exposes one function per call.
//
// Why webContents.ipc rather than ipcMain: the handler is scoped to this window's webContents (messages from
// any other webContents never reach it) and goes away with it. The sender frame is still checked on every
// call, because a webContents can hold frames (and, after a navigation, pages) that are not ours.

import type { WebContents } from 'electron'
import type { Delta, KubeApiInfo, Reply } from '../contract'
import type { Engine } from '../engine'
import { Session } from '../door/session'
import { CALL_CHANNEL, DELTA_CHANNEL } from './channels'
import { refuseSender, type SenderInfo, type TrustedPages } from './trust'

export interface IpcDoor {
  /** Closes the window's Session and removes the handler (also done when the webContents is destroyed). */
  close(): void
}

/** `kubeApi`: where the app serves the cluster's Kubernetes API, for the window's `kubeapi.info`. */
export function registerIpc(contents: WebContents, engine: Engine, pages: TrustedPages, kubeApi?: () => KubeApiInfo): IpcDoor {
  const send = (delta: Delta) => {
    if (!contents.isDestroyed()) contents.send(DELTA_CHANNEL, delta)
  }
  let session: Session | null = new Session(engine, send, kubeApi)
  let refusals = 0

  contents.ipc.handle(CALL_CHANNEL, (event, name: unknown, payload: unknown): Reply => {
    const refused = refuseSender(event as SenderInfo, contents.id, pages)
    if (refused) {
      // Once is enough to notice; a hostile page could otherwise flood the log.
      if (refusals++ === 0) console.warn(`podlab: refused a call from the window: ${refused}`)
      throw new Error('podlab: call refused')
    }
    if (!session) throw new Error('podlab: the window is closing')
    return session.call(name, payload)
  })

  // A reload (or the dev server's full reload) brings a new page that knows nothing of the old page's watched
  // tables: give it a fresh Session so the old views stop being pushed.
  const onNavigate = () => {
    if (!session) return
    session.close()
    session = new Session(engine, send, kubeApi)
  }
  contents.on('did-navigate', onNavigate)

  const close = () => {
    if (!session) return
    session.close()
    session = null
    if (!contents.isDestroyed()) {
      contents.removeListener('did-navigate', onNavigate)
      contents.ipc.removeHandler(CALL_CHANNEL)
    }
  }
  contents.once('destroyed', close)
  return { close }
}
