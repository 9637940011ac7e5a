// Keys typed while a Tab's completion is pending come after the completion, in order, as in bash.

import { describe, expect, it } from 'vitest'
import { KeyQueue, TAB } from './key-queue'

/** A line editor in miniature: delivered data appends; Tab completes `desc` and `myn` from a slow engine. */
function editor() {
  let line = ''
  const answers: Array<() => void> = []
  const queue = new KeyQueue(
    (data) => (line += data),
    () =>
      new Promise<void>((done) =>
        answers.push(() => {
          if (line.endsWith('desc')) line += 'ribe '
          else if (line.endsWith('myn')) line += 'ginx '
          done()
        }),
      ),
    () => Promise.resolve(),
  )
  return { queue, line: () => line, answer: () => answers.shift()!(), pending: () => answers.length }
}

const flush = () => new Promise((done) => setTimeout(done, 0))

describe('KeyQueue', () => {
  it('keys typed after a Tab land after its completion: `kubectl desc` Tab `pod myn` Tab Enter reads the completed line', async () => {
    const e = editor()
    for (const ch of 'kubectl desc') e.queue.key(ch)
    e.queue.key(TAB)
    for (const ch of 'pod myn') e.queue.key(ch)
    e.queue.key(TAB)
    e.queue.key('\r')
    expect(e.line()).toBe('kubectl desc')
    e.answer()
    await flush()
    expect(e.line()).toBe('kubectl describe pod myn')
    expect(e.pending()).toBe(1)
    e.answer()
    await flush()
    expect(e.line()).toBe('kubectl describe pod mynginx \r')
    expect(e.queue.busy).toBe(false)
  })

  it('without a pending Tab, keys are delivered at once', () => {
    const e = editor()
    e.queue.key('k')
    expect(e.line()).toBe('k')
    expect(e.queue.busy).toBe(false)
  })

  it('a completion that fails releases the keys behind it', async () => {
    let line = ''
    const queue = new KeyQueue(
      (data) => (line += data),
      () => Promise.reject(new Error('engine gone')),
      () => Promise.resolve(),
    )
    queue.key('a')
    queue.key(TAB)
    queue.key('b')
    await flush()
    expect(line).toBe('ab')
    expect(queue.busy).toBe(false)
  })

  it('type-ahead replays before held keys, each Enter as a key of its own after the text before it has settled', async () => {
    const delivered: string[] = []
    let settled = 0
    const queue = new KeyQueue(
      (data) => delivered.push(`${data}@${settled}`),
      () => Promise.resolve(),
      async () => {
        settled++
      },
    )
    queue.replay('k get pods\rk get no')
    await flush()
    expect(delivered).toEqual(['k get pods@0', '\r@1', 'k get no@2'])
    expect(queue.busy).toBe(false)
  })
})
