// The two IPC channels between the preload and the main process. Shared by both sides (the preload bundles
// this file), so they cannot drift apart.

/** renderer -> main, `ipcRenderer.invoke(CALL_CHANNEL, callName, payload)`; resolves with a contract Reply. */
export const CALL_CHANNEL = 'podlab:call'

/** main -> renderer, `webContents.send(DELTA_CHANNEL, delta)`; one contract Delta per message. */
export const DELTA_CHANNEL = 'podlab:delta'
