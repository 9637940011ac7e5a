// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import ShortcutsSheet from './ShortcutsSheet.vue'
import { useShortcuts } from './use-shortcuts'
import { SHEET, type Action } from './shortcuts'
import { mount, type Mounted } from '../../testing/mount'

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const acted: Action[] = []
/** The `?` sheet wired as App.vue wires it: `?` opens it, Escape or Close shuts it. */
const Page = defineComponent({
  setup() {
    const open = ref(false)
    useShortcuts((action) => {
      acted.push(action)
      if (action.type === 'help') open.value = true
    })
    return () =>
      h('div', [
        h('textarea', { 'data-testid': 'typing' }),
        h(ShortcutsSheet, { open: open.value, onClose: () => (open.value = false) }),
      ])
  },
})

function key(target: EventTarget, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, composed: true, ...init })
  target.dispatchEvent(event)
  return event
}

describe('the ? sheet', () => {
  it('opens on ?, lists every shortcut in the learner\'s language, and closes on Escape', async () => {
    mounted = await mount(Page, { locale: 'ko' })
    key(document.body, { key: '?' })
    await nextTick()
    const sheet = mounted.root.querySelector('[data-testid=shortcuts-sheet]')!
    expect(sheet.getAttribute('role')).toBe('dialog')
    expect(sheet.querySelectorAll('tbody tr')).toHaveLength(SHEET.length)
    expect(sheet.textContent).toContain('키보드 단축키')
    expect(sheet.textContent).toContain('Ctrl+Enter')

    key(sheet, { key: 'Escape' })
    await nextTick()
    expect(mounted.root.querySelector('[data-testid=shortcuts-sheet]')).toBeNull()
  })

  it('a key typed in a text field is typing, not a shortcut', async () => {
    mounted = await mount(Page)
    acted.length = 0
    const typing = mounted.root.querySelector('[data-testid=typing]')!
    const event = key(typing, { key: '?' })
    expect(event.defaultPrevented).toBe(false)
    expect(acted).toEqual([])
    key(typing, { key: '2', code: 'Digit2', altKey: true })
    expect(acted).toEqual([{ type: 'view', view: 'workloads' }])
  })
})
