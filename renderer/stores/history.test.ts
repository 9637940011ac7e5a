import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../main/kube'
import type { HistoryListRequest } from '../../main/contract'
import { fakeApi, piniaWith } from '../testing/fake-api'
import { PAGE_ROWS, useHistoryStore } from './history'

const entry = (rv: number): HistoryEntry => ({ resourceVersion: rv, at: rv * 1000, change: 'MODIFIED', resource: 'pods', kind: 'Pod', namespace: 'default', name: 'web', uid: 'u' })

/** An engine of `count` rows (resourceVersions 1..count) that pages as history.list does. */
function answerPages(fake: ReturnType<typeof fakeApi>, count: () => number) {
  fake.answer('history.list', (r: HistoryListRequest) => {
    const all = Array.from({ length: count() }, (_x, i) => entry(count() - i))
    const limit = r.limit ?? 100
    if (r.after !== undefined) {
      const newer = all.filter((e) => e.resourceVersion > r.after!)
      const kept = newer.slice(-limit)
      return { ok: true, result: { entries: kept, older: null, newer: newer.length > limit ? kept[0]!.resourceVersion : null } }
    }
    const from = all.filter((e) => r.before === undefined || e.resourceVersion < r.before)
    const kept = from.slice(0, limit)
    return { ok: true, result: { entries: kept, older: from.length > limit ? kept.at(-1)!.resourceVersion : null, newer: null } }
  })
}

describe('useHistoryStore', () => {
  it('loads the newest page with the filter, then appends the older pages as asked', async () => {
    const fake = fakeApi()
    answerPages(fake, () => 450)
    const history = useHistoryStore(piniaWith(fake.api))
    await history.setFilter({ resource: 'pods', name: 'web' })
    expect(fake.calls[0]).toEqual({ call: 'history.list', request: { filter: { resource: 'pods', name: 'web' }, limit: PAGE_ROWS } })
    expect(history.entries.map((e) => e.resourceVersion).slice(0, 2)).toEqual([450, 449])
    await history.loadOlder()
    await history.loadOlder()
    expect(history.entries.length).toBe(450)
    expect(history.older).toBeNull()
    expect(history.entries.at(-1)?.resourceVersion).toBe(1)
    await history.loadOlder()
    expect(fake.calls.length).toBe(3)
  })

  it('adds the rows written since on top, and starts again from the top when more than a page was written', async () => {
    const fake = fakeApi()
    let count = 10
    answerPages(fake, () => count)
    const history = useHistoryStore(piniaWith(fake.api))
    await history.reset()
    count = 13
    await history.refreshNewer()
    expect(history.entries.map((e) => e.resourceVersion).slice(0, 4)).toEqual([13, 12, 11, 10])
    expect(fake.calls.at(-1)?.request).toMatchObject({ after: 10 })
    count = 13 + PAGE_ROWS + 1
    await history.refreshNewer()
    expect(history.entries[0]?.resourceVersion).toBe(count)
    expect(fake.calls.at(-1)?.request).not.toHaveProperty('after')
  })

  it('drops the answer to a filter the learner has already changed', async () => {
    const fake = fakeApi()
    const answers: Array<() => void> = []
    fake.answer('history.list', (r) => new Promise((done) => answers.push(() => done({ ok: true, result: { entries: [entry(r.filter?.name === 'a' ? 1 : 2)], older: null, newer: null } }))))
    const history = useHistoryStore(piniaWith(fake.api))
    const first = history.setFilter({ name: 'a' })
    const second = history.setFilter({ name: 'ab' })
    answers[1]!()
    answers[0]!()
    await Promise.all([first, second])
    expect(history.entries.map((e) => e.resourceVersion)).toEqual([2])
  })

  it('selects a row: its version comes from history.version; an error is kept to show', async () => {
    const fake = fakeApi()
    fake.answer('history.version', ({ resourceVersion }) =>
      resourceVersion === 5
        ? { ok: true, result: { entry: entry(5), yaml: 'a: 1\n', previous: null } }
        : { ok: false, error: { reason: 'NotFound', message: 'no change with resourceVersion 6' } },
    )
    const history = useHistoryStore(piniaWith(fake.api))
    await history.select(5)
    expect(history.version?.yaml).toBe('a: 1\n')
    await history.select(6)
    expect(history.version).toBeNull()
    expect(history.versionError?.reason).toBe('NotFound')
  })
})
