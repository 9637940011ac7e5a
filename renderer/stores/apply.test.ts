import { describe, expect, it } from 'vitest'
import type { Reply } from '../../main/contract'
import { fakeApi, piniaWith } from '../testing/fake-api'
import { EDITOR_SOURCE, useApplyStore } from './apply'

describe('useApplyStore', () => {
  it('sends the text as STDIN and keeps the outcomes in order', async () => {
    const fake = fakeApi()
    fake.answer('manifests.apply', () => ({
      ok: true,
      result: {
        outcomes: [
          { ok: true, line: 'pod/mynginx created' },
          { ok: false, error: { reason: 'Invalid', message: 'The Pod "x" is invalid: spec.containers[0].image: Required value' } },
        ],
      },
    }))
    const manifest = useApplyStore(piniaWith(fake.api))
    manifest.text = 'apiVersion: v1\nkind: Pod\n'
    await manifest.apply()
    expect(fake.calls).toEqual([{ call: 'manifests.apply', request: { text: 'apiVersion: v1\nkind: Pod\n', source: EDITOR_SOURCE } }])
    expect(EDITOR_SOURCE).toBe('STDIN')
    expect(manifest.outcomes.map((o) => (o.ok ? o.line : o.error.reason))).toEqual(['pod/mynginx created', 'Invalid'])
    expect(manifest.busy).toBe(false)
  })

  it('is busy while the call runs and ignores a second apply meanwhile', async () => {
    const fake = fakeApi()
    let finish!: (reply: Reply<'manifests.apply'>) => void
    fake.answer('manifests.apply', () => new Promise((resolve) => (finish = resolve)))
    const manifest = useApplyStore(piniaWith(fake.api))
    const first = manifest.apply()
    expect(manifest.busy).toBe(true)
    await manifest.apply()
    await Promise.resolve()
    expect(fake.calls).toHaveLength(1)
    finish({ ok: true, result: { outcomes: [{ ok: true, line: 'pod/a unchanged' }] } })
    await first
    expect(manifest.busy).toBe(false)
    expect(manifest.outcomes).toEqual([{ ok: true, line: 'pod/a unchanged' }])
  })

  it('shows a failed call as one error outcome', async () => {
    const fake = fakeApi()
    fake.answer('manifests.apply', () => ({ ok: false, error: { reason: 'Internal', message: 'the connection to the Podlab host was lost' } }))
    const manifest = useApplyStore(piniaWith(fake.api))
    await manifest.apply()
    expect(manifest.outcomes).toEqual([{ ok: false, error: { reason: 'Internal', message: 'the connection to the Podlab host was lost' } }])
  })
})
