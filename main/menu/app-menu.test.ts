import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { appMenuTemplate, type AppMenuCommand, type AppMenuState } from './app-menu'

function state(over: Partial<AppMenuState> = {}): AppMenuState & { dispatched: AppMenuCommand[] } {
  const dispatched: AppMenuCommand[] = []
  return { recent: [], current: '/c/now.podlab', development: false, dispatch: (c) => dispatched.push(c), dispatched, ...over }
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[]
const top = (menu: MenuItemConstructorOptions[], label: string) => menu.find((m) => m.label === label)
const item = (items: MenuItemConstructorOptions[], label: string) => items.find((m) => m.label === label)
const click = (m: MenuItemConstructorOptions | undefined) => (m?.click as unknown as () => void)()

describe('appMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Linux and Windows, with the app menu first only on macOS', () => {
    expect(appMenuTemplate(state(), 'linux').map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help'])
    expect(appMenuTemplate(state(), 'darwin').map((m) => m.label)).toEqual(['Podlab', '&File', '&Edit', '&View', '&Window', '&Help'])
  })

  it('gives File its standard accelerators (CmdOrCtrl+N/O/S/Shift+S/W/Q) and Quit only where the app menu has none', () => {
    const accelerators = (platform: NodeJS.Platform) =>
      Object.fromEntries(submenu(top(appMenuTemplate(state(), platform), '&File')).filter((m) => m.accelerator).map((m) => [m.label, m.accelerator]))
    expect(accelerators('linux')).toEqual({
      'New Cluster…': 'CmdOrCtrl+N',
      'Open Cluster File…': 'CmdOrCtrl+O',
      'Save a Copy…': 'CmdOrCtrl+S',
      'Save As…': 'CmdOrCtrl+Shift+S',
      'Close Window': 'CmdOrCtrl+W',
      Quit: 'CmdOrCtrl+Q',
    })
    expect(accelerators('darwin')).not.toHaveProperty('Quit')
  })

  it('dispatches the file commands', () => {
    const s = state()
    const file = submenu(top(appMenuTemplate(s, 'linux'), '&File'))
    for (const label of ['New Cluster…', 'Open Cluster File…', 'Save a Copy…', 'Save As…']) click(item(file, label))
    expect(s.dispatched).toEqual([{ type: 'new-cluster' }, { type: 'open-cluster' }, { type: 'save-copy' }, { type: 'save-as' }])
  })

  it('lists the recent files, the open one disabled, and clears them; says so when there are none', () => {
    const s = state({ recent: ['/c/now.podlab', '/c/old.podlab'] })
    const recent = submenu(item(submenu(top(appMenuTemplate(s, 'linux'), '&File')), 'Open Recent'))
    expect(recent.filter((m) => m.type !== 'separator').map((m) => [m.label, m.enabled])).toEqual([
      ['/c/now.podlab', false],
      ['/c/old.podlab', true],
      ['Clear Recent', true],
    ])
    click(recent[1])
    click(item(recent, 'Clear Recent'))
    expect(s.dispatched).toEqual([{ type: 'open-recent', path: '/c/old.podlab' }, { type: 'clear-recent' }])
    const none = submenu(item(submenu(top(appMenuTemplate(state(), 'linux'), '&File')), 'Open Recent'))
    expect(none[0]).toEqual({ label: 'No recent cluster files', enabled: false })
    expect(item(none, 'Clear Recent')?.enabled).toBe(false)
  })

  it("sends View's zoom and theme and Help's shortcuts to the page; reload and devtools only in development", () => {
    const s = state()
    const menu = appMenuTemplate(s, 'linux')
    const view = submenu(top(menu, '&View'))
    expect(view.some((m) => m.role === 'reload' || m.role === 'toggleDevTools')).toBe(false)
    for (const label of ['Zoom In', 'Zoom Out', 'Actual Size', 'Toggle Dark Theme']) click(item(view, label))
    click(item(submenu(top(menu, '&Help')), 'Keyboard Shortcuts'))
    expect(s.dispatched.map((c) => (c.type === 'page' ? c.command : c.type))).toEqual(['zoom-in', 'zoom-out', 'zoom-reset', 'toggle-theme', 'shortcuts'])
    expect(view.some((m) => m.role === 'togglefullscreen')).toBe(true)
    const dev = submenu(top(appMenuTemplate(state({ development: true }), 'linux'), '&View'))
    expect(dev.slice(0, 2).map((m) => m.role)).toEqual(['reload', 'toggleDevTools'])
  })

  it('gives Edit the standard roles', () => {
    const edit = submenu(top(appMenuTemplate(state(), 'win32'), '&Edit'))
    expect(edit.filter((m) => m.role).map((m) => m.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
  })

  it('never dispatches while being built', () => {
    const dispatch = vi.fn()
    appMenuTemplate(state({ dispatch, recent: ['/a.podlab'] }), 'darwin')
    expect(dispatch).not.toHaveBeenCalled()
  })
})
