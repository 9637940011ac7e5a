// The only bridge between the page and the main process. Sandboxed (so it may require nothing but
// 'electron'; electron-vite bundles the contract code into this one CommonJS file) and context-isolated (the
// page sees copies of these functions, never ipcRenderer).
//
// window.podlab = { clusterInfo, kubeapiInfo, manifestsApply, tableGet, tableWatch, tableUnwatch, clockGet, clockAdvance,
//                   clockPause, clockResume, clockSetSpeed, onDelta }
// The renderer turns it back into a PodlabApi with fromBridge (main/contract/bridge.ts).

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { toBridge } from '../main/contract/bridge'
import type { Delta, Reply } from '../main/contract/calls'
import { CALL_CHANNEL, DELTA_CHANNEL } from '../main/ipc/channels'

const bridge = toBridge(
  (call, request) => ipcRenderer.invoke(CALL_CHANNEL, call, request) as Promise<Reply>,
  (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onDelta needs a function')
    const forward = (_event: IpcRendererEvent, delta: Delta) => listener(delta)
    ipcRenderer.on(DELTA_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(DELTA_CHANNEL, forward)
    }
  },
)

contextBridge.exposeInMainWorld('podlab', bridge)
