// What every modal dialog of the app does (the `?` sheet, the image catalog): when it opens, the focus goes to
// `first` (after `beforeFocus`, e.g. loading what it shows); when it closes, back where it was; Escape closes it.

import { nextTick, watch, type Ref } from 'vue'

export function useModalDialog(
  open: () => boolean,
  first: Ref<HTMLElement | null>,
  close: () => void,
  beforeFocus: () => Promise<void> | void = () => undefined,
): { onKey(event: KeyboardEvent): void } {
  let returnFocus: HTMLElement | null = null
  watch(
    open,
    async (isOpen) => {
      if (isOpen) {
        returnFocus = document.activeElement as HTMLElement | null
        await beforeFocus()
        await nextTick()
        first.value?.focus()
      } else {
        returnFocus?.focus?.()
        returnFocus = null
      }
    },
    { immediate: true },
  )
  return {
    onKey(event: KeyboardEvent): void {
      if (event.key === 'Escape') {
        event.preventDefault()
        close()
      }
    },
  }
}
