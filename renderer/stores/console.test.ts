import { describe, expect, it } from 'vitest'
import { fakeApi, piniaWith } from '../testing/fake-api'
import { useConsoleStore } from './console'

/** A store whose line `kubectl edit pod x` runs as job 7. */
async function running() {
  const fake = fakeApi()
  fake.answer('console.run', () => ({ ok: true, result: { job: '7' } }))
  const store = useConsoleStore(piniaWith(fake.api))
  const done = store.run('kubectl edit pod x', 80, { output: () => {} })
  await new Promise((r) => setTimeout(r, 0))
  return { fake, store, done }
}

describe('useConsoleStore: kubectl edit\'s editor', () => {
  it('opens on the running job\'s console-edit, not on another job\'s', async () => {
    const { fake, store } = await running()
    fake.push({ type: 'console-edit', job: '8', text: 'other', fileName: 'kubectl-edit-*.yaml' })
    expect(store.editing).toBeNull()
    fake.push({ type: 'console-edit', job: '7', text: 'kind: Pod\n', fileName: 'kubectl-edit-*.yaml' })
    expect(store.editing).toEqual({ job: '7', text: 'kind: Pod\n', fileName: 'kubectl-edit-*.yaml' })
  })

  it('Save sends the text once and closes; Cancel sends cancel', async () => {
    const { fake, store } = await running()
    fake.push({ type: 'console-edit', job: '7', text: 'a', fileName: 'kubectl-edit-*.yaml' })
    store.saveEdit('b')
    store.saveEdit('c')
    expect(store.editing).toBeNull()
    fake.push({ type: 'console-edit', job: '7', text: 'reopened', fileName: 'kubectl-edit-*.yaml' })
    store.cancelEdit()
    expect(fake.calls.filter((c) => c.call === 'console.edit').map((c) => c.request)).toEqual([
      { job: '7', text: 'b' },
      { job: '7', cancel: true },
    ])
  })

  it('closes when the job ends (Ctrl+C while editing)', async () => {
    const { fake, store, done } = await running()
    fake.push({ type: 'console-edit', job: '7', text: 'a', fileName: 'kubectl-edit-*.yaml' })
    fake.push({ type: 'console-exit', job: '7', code: 130 })
    expect(store.editing).toBeNull()
    expect(await done).toBe(130)
  })
})
