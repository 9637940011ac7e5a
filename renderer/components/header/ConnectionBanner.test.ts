// @vitest-environment happy-dom
// When the connection to `podlab serve` drops, the page says so and what needs the host is off; it all comes back
// when the adapter reconnects.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import ConnectionBanner from './ConnectionBanner.vue'
import ClockControls from './ClockControls.vue'
import ManifestPanel from '../apply/ManifestPanel.vue'
import { fakeConnection, mount, type Mounted } from '../../testing/mount'
import { useClockStore } from '../../stores/clock'

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const Page = defineComponent({
  setup() {
    // The clock as read once the page loaded: its controls are on while connected.
    useClockStore().state = { now: '2025-01-01T00:00:00Z', nowMs: 0, paused: false, speed: 1, mode: 'realtime' } as never
    return () => h('div', [h(ConnectionBanner), h(ClockControls), h(ManifestPanel)])
  },
})

function applyButton(): HTMLButtonElement {
  return mounted!.root.querySelector('[data-testid=apply]')!
}

function clockButtons(): HTMLButtonElement[] {
  return ['clock-toggle', 'advance-10s', 'advance-1m'].map((id) => mounted!.root.querySelector(`[data-testid=${id}]`)!)
}

describe('the connection lost', () => {
  it('shows no banner and enables the actions while connected', async () => {
    mounted = await mount(Page)
    expect(mounted.root.querySelector('[data-testid=connection-banner]')).toBeNull()
    expect(applyButton().disabled).toBe(false)
    expect(clockButtons().map((b) => b.disabled)).toEqual([false, false, false])
  })

  it('says so, disables Apply and the clock, and undoes both when the connection is back', async () => {
    const connection = fakeConnection('open')
    mounted = await mount(Page, { connection })
    connection.set('reconnecting')
    await nextTick()
    const banner = mounted.root.querySelector('[data-testid=connection-banner]')!
    expect(banner.getAttribute('role')).toBe('alert')
    expect(banner.textContent).toContain('The connection to the cluster was lost. Reconnecting…')
    expect(applyButton().disabled).toBe(true)
    expect(clockButtons().map((b) => b.disabled)).toEqual([true, true, true])

    applyButton().click()
    expect(mounted.fake.calls.filter((c) => c.call === 'manifests.apply')).toEqual([])

    connection.set('open')
    await nextTick()
    expect(mounted.root.querySelector('[data-testid=connection-banner]')).toBeNull()
    expect(applyButton().disabled).toBe(false)
    expect(clockButtons().map((b) => b.disabled)).toEqual([false, false, false])
  })

  it('says it in Korean too', async () => {
    mounted = await mount(Page, { connection: fakeConnection('closed'), locale: 'ko' })
    expect(mounted.root.querySelector('[data-testid=connection-banner]')!.textContent).toContain('연결된 클러스터가 없습니다.')
  })
})
