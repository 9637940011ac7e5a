import { describe, expect, it } from 'vitest'
import { openClusterFile } from '../store/cluster-file'
import { tmpFile } from '../testing/cluster'
import { TimerOutOfRange, Timers } from './timers'

describe('Timers.add, the last line of defence against a due time SQLite cannot store', () => {
  it.each([
    ['a fraction of a ms', 1.5],
    ['a number past 2^53', 2 ** 60],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
  ])('refuses %s with TimerOutOfRange and stores nothing', (_name, due) => {
    const { db } = openClusterFile(tmpFile())
    const timers = new Timers(db)
    expect(() => timers.add(due, 'kubelet', 'k')).toThrow(TimerOutOfRange)
    expect(timers.nextDue()).toBeUndefined()
    db.close()
  })

  it('stores a safe integer due time', () => {
    const { db } = openClusterFile(tmpFile())
    const timers = new Timers(db)
    timers.add(Number.MAX_SAFE_INTEGER, 'kubelet', 'k')
    expect(timers.nextDue()).toBe(Number.MAX_SAFE_INTEGER)
    db.close()
  })
})
