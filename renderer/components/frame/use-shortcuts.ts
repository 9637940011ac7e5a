// Listens for the app's shortcuts (shortcuts.ts) on the window, in the capture phase so that Alt+digit reaches
// the views before the terminal, which would otherwise type it; plain keys in a text field are left alone.

import { onBeforeUnmount, onMounted } from 'vue'
import { actionFor, isTextTarget, type Action } from './shortcuts'

export function useShortcuts(act: (action: Action) => void): void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat || event.isComposing) return
    const action = actionFor({
      key: event.key,
      code: event.code,
      altKey: event.altKey,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      inText: isTextTarget(event.composedPath()),
    })
    if (!action) return
    event.preventDefault()
    event.stopPropagation()
    act(action)
  }
  onMounted(() => window.addEventListener('keydown', onKeyDown, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeyDown, true))
}
