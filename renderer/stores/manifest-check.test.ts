import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { Reply } from '../../main/contract'
import { fakeApi, piniaWith } from '../testing/fake-api'
import { useApplyStore } from './apply'
import { CHECK_DEBOUNCE_MS, MAX_LIVE_CHECK_LENGTH, useManifestCheckStore } from './manifest-check'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const diagnostic = { document: 0, line: 3, severity: 'error' as const, message: 'm' }

describe('useManifestCheckStore', () => {
  it(`checks once, ${CHECK_DEBOUNCE_MS} ms after the last keystroke, the text as it is then`, async () => {
    const fake = fakeApi()
    fake.answer('manifests.check', () => ({ ok: true, result: { diagnostics: [diagnostic], preview: [] } }))
    const pinia = piniaWith(fake.api)
    const manifest = useApplyStore(pinia)
    const check = useManifestCheckStore(pinia)
    for (const text of ['k', 'ki', 'kind: Pod']) {
      manifest.text = text
      await nextTick()
      vi.advanceTimersByTime(CHECK_DEBOUNCE_MS - 1)
    }
    expect(fake.calls.filter((c) => c.call === 'manifests.check')).toEqual([])
    vi.advanceTimersByTime(1)
    await vi.runAllTimersAsync()
    expect(fake.calls.filter((c) => c.call === 'manifests.check')).toEqual([{ call: 'manifests.check', request: { text: 'kind: Pod' } }])
    expect(check.diagnostics).toEqual([diagnostic])
    expect(check.checked).toBe('kind: Pod')
  })

  it('drops a reply for a text typed over meanwhile', async () => {
    const fake = fakeApi()
    let answer!: (reply: Reply<'manifests.check'>) => void
    fake.answer('manifests.check', () => new Promise((resolve) => (answer = resolve)))
    const pinia = piniaWith(fake.api)
    const manifest = useApplyStore(pinia)
    const check = useManifestCheckStore(pinia)
    manifest.text = 'kind: Pod'
    await nextTick()
    vi.advanceTimersByTime(CHECK_DEBOUNCE_MS)
    manifest.text = 'kind: Pod\nmetadata: {}'
    answer({ ok: true, result: { diagnostics: [diagnostic], preview: [] } })
    await vi.runAllTimersAsync()
    expect(check.checked).not.toBe('kind: Pod')
  })
})

describe('useManifestCheckStore on a long text', () => {
  it('does not check a text over MAX_LIVE_CHECK_LENGTH as it is typed, and says so', async () => {
    const fake = fakeApi()
    const pinia = piniaWith(fake.api)
    const manifest = useApplyStore(pinia)
    const check = useManifestCheckStore(pinia)
    manifest.text = 'a: b\n'.repeat(MAX_LIVE_CHECK_LENGTH / 5 + 1)
    await nextTick()
    await vi.runAllTimersAsync()
    expect(fake.calls.filter((c) => c.call === 'manifests.check')).toEqual([])
    expect(check.tooLarge).toBe(true)
  })
})
