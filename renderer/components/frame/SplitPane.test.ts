// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { h, nextTick } from 'vue'
import SplitPane from './SplitPane.vue'
import { mount, type Mounted } from '../../testing/mount'

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
  localStorage.clear()
})

const slots = { first: () => h('p', 'left'), second: () => h('p', 'right') }

async function splitter(props: Record<string, unknown>) {
  mounted = await mount(SplitPane, { props: { id: 'test', axis: 'columns', label: 'Resize', ...props }, slots })
  return mounted.root.querySelector<HTMLElement>('[role=separator]')!
}

describe('SplitPane', () => {
  it('is a named, focusable window splitter with its position as a value', async () => {
    const separator = await splitter({ initial: 0.4 })
    expect(separator.getAttribute('aria-label')).toBe('Resize')
    expect(separator.tabIndex).toBe(0)
    expect(separator.getAttribute('aria-valuenow')).toBe('40')
    expect(separator.getAttribute('aria-orientation')).toBe('vertical')
    expect(mounted!.root.textContent).toContain('left')
    expect(mounted!.root.textContent).toContain('right')
  })

  it('moves with the arrow keys of its axis and remembers where it was left', async () => {
    const separator = await splitter({ initial: 0.5 })
    separator.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    separator.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    await nextTick()
    expect(separator.getAttribute('aria-valuenow')).toBe('54')
    expect(localStorage.getItem('podlab.split.test')).toBe('0.5400')

    mounted!.unmount()
    const again = await splitter({ initial: 0.5 })
    expect(again.getAttribute('aria-valuenow')).toBe('54')
  })

  it('shows one pane alone, keeping the other mounted but hidden', async () => {
    const separator = await splitter({ only: 'second' })
    const panes = mounted!.root.querySelectorAll<HTMLElement>('.pane')
    expect(panes[0]!.style.display).toBe('none')
    expect(separator.style.display).toBe('none')
    expect(panes[1]!.style.display).toBe('')
    expect(panes[0]!.textContent).toBe('left')
  })
})
