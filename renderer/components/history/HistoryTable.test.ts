// @vitest-environment happy-dom
import { nextTick } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../../main/kube'
import { mount, type Mounted } from '../../testing/mount'
import HistoryTable from './HistoryTable.vue'

let mounted: Mounted | null = null
afterEach(() => mounted?.unmount())

const entries: HistoryEntry[] = Array.from({ length: 10_000 }, (_x, i) => ({
  resourceVersion: 10_000 - i,
  at: i,
  change: 'MODIFIED',
  resource: 'pods',
  kind: 'Pod',
  namespace: 'default',
  name: `web-${i}`,
  uid: `u${i}`,
  status: 'Running',
}))

describe('the history table', () => {
  it('puts only the rows in view in the DOM, of 10,000, and asks for more near the end', async () => {
    const more: number[] = []
    mounted = await mount(HistoryTable, { props: { entries, selected: null, hasOlder: true, loading: false, onMore: () => more.push(1) } })
    const rows = () => mounted!.root.querySelectorAll('tr.row')
    expect(rows().length).toBeGreaterThan(10)
    expect(rows().length).toBeLessThan(60)
    expect(rows()[0]?.getAttribute('data-testid')).toBe('history-row-10000')
    const scroller = mounted.root.querySelector<HTMLDivElement>('[data-testid="history-scroller"]')!
    // happy-dom lays nothing out: give the scroller the sizes a browser would.
    Object.defineProperty(scroller, 'clientHeight', { value: 600 })
    Object.defineProperty(scroller, 'scrollHeight', { value: 10_000 * 32 })
    scroller.scrollTop = 5_000 * 32
    scroller.dispatchEvent(new Event('scroll'))
    await nextTick()
    const shown = [...rows()].map((r) => Number(r.getAttribute('data-testid')!.slice('history-row-'.length)))
    expect(shown.length).toBeLessThan(60)
    expect(Math.max(...shown)).toBeGreaterThan(4_000)
    expect(Math.min(...shown)).toBeLessThan(6_000)
    expect(more).toEqual([])
    scroller.scrollTop = 10_000 * 32 - 600
    scroller.dispatchEvent(new Event('scroll'))
    await nextTick()
    expect(more.length).toBe(1)
  })
})
