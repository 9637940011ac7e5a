// Issue 11 item 9: the desktop app's menu as a pure function of what the app knows (the recent cluster files,
// development mode) and the platform, so it is tested without Electron. main/index.ts builds it with
// Menu.buildFromTemplate and carries out the commands it dispatches: the file ones in the main process, the
// page's ones (shortcuts sheet, theme, presenter zoom) as a `menu` delta to the window.
//
// Accelerators are the platforms' standard ones (CmdOrCtrl+N/O/S/Shift+S/W/Q); the zoom items take over
// Chromium's own CmdOrCtrl+=/-/0, which would scale the page behind the presenter zoom's back.

import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../contract'

/** What a menu item asks the app to do. */
export type AppMenuCommand =
  | { type: 'new-cluster' }
  | { type: 'open-cluster' }
  | { type: 'open-recent'; path: string }
  | { type: 'clear-recent' }
  | { type: 'save-as' }
  | { type: 'save-copy' }
  | { type: 'docs' }
  | { type: 'about' }
  | { type: 'page'; command: MenuCommand }

export interface AppMenuState {
  /** Recent cluster files, newest first (recent-files.ts keeps them bounded and existing). */
  recent: readonly string[]
  /** The file open now, shown (not clickable) at the top of Open Recent. */
  current: string
  /** Development mode: View gets Reload and the developer tools. */
  development: boolean
  /** Where the items' clicks go. */
  dispatch(command: AppMenuCommand): void
}

/** The app's name in the macOS application menu and the About item. */
const APP_NAME = 'Podlab'

/** The application menu for `platform` (process.platform), as Menu.buildFromTemplate takes it. */
export function appMenuTemplate(state: AppMenuState, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const run = (command: AppMenuCommand) => () => state.dispatch(command)
  const page = (command: MenuCommand) => run({ type: 'page', command })
  const openRecent: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: 'No recent cluster files', enabled: false }]
      : state.recent.map((path) => ({ label: path, click: run({ type: 'open-recent', path }), enabled: path !== state.current }))

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Cluster…', accelerator: 'CmdOrCtrl+N', click: run({ type: 'new-cluster' }) },
      { label: 'Open Cluster File…', accelerator: 'CmdOrCtrl+O', click: run({ type: 'open-cluster' }) },
      {
        label: 'Open Recent',
        submenu: [...openRecent, { type: 'separator' }, { label: 'Clear Recent', enabled: state.recent.length > 0, click: run({ type: 'clear-recent' }) }],
      },
      { type: 'separator' },
      // The cluster is saved as it goes (every command is a transaction): Save makes a copy, Save As moves on to it.
      { label: 'Save a Copy…', accelerator: 'CmdOrCtrl+S', click: run({ type: 'save-copy' }) },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: run({ type: 'save-as' }) },
      { type: 'separator' },
      { label: 'Close Window', role: 'close', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : ([{ type: 'separator' }, { label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' }] as MenuItemConstructorOptions[])),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(state.development ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
      { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: page('zoom-in') },
      { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: page('zoom-out') },
      { label: 'Actual Size', accelerator: 'CmdOrCtrl+0', click: page('zoom-reset') },
      { type: 'separator' },
      { label: 'Toggle Dark Theme', click: page('toggle-theme') },
      { role: 'togglefullscreen' },
    ],
  }

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: page('shortcuts') },
      { label: 'Podlab README', click: run({ type: 'docs' }) },
      ...(mac ? [] : ([{ type: 'separator' }, { label: `About ${APP_NAME}`, click: run({ type: 'about' }) }] as MenuItemConstructorOptions[])),
    ],
  }

  const appMenu: MenuItemConstructorOptions = {
    label: APP_NAME,
    submenu: [
      { label: `About ${APP_NAME}`, click: run({ type: 'about' }) },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { label: `Quit ${APP_NAME}`, role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  }

  return [...(mac ? [appMenu] : []), file, edit, view, { label: '&Window', role: 'windowMenu' }, help]
}
