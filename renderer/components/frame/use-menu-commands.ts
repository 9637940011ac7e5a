// Issue 11 item 9: what the desktop app's menu asks of the page (a `menu` delta): the `?` sheet, the theme, the
// presenter zoom. A command the page does not know (a newer main process) is ignored, as a delta is data from
// outside the page.

import { onBeforeUnmount } from 'vue'
import { MENU_COMMANDS, type Delta, type MenuCommand } from '../../../main/contract'
import { useApi } from '../../adapter/inject'

/** The menu command a delta carries, or null when it is not a menu delta this page knows. */
export function menuCommandOf(delta: Delta): MenuCommand | null {
  if (delta.type !== 'menu') return null
  return (MENU_COMMANDS as readonly unknown[]).includes(delta.command) ? delta.command : null
}

/** Calls `act` for each menu command that reaches the page, until the component unmounts. */
export function useMenuCommands(act: (command: MenuCommand) => void): void {
  const stop = useApi().onDelta((delta) => {
    const command = menuCommandOf(delta)
    if (command) act(command)
  })
  onBeforeUnmount(stop)
}
