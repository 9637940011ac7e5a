// The clock_owner meta row is read from files strangers hand around: only the shape Podlab writes is an owner.

import { describe, expect, it } from 'vitest'
import { clockOwnerValue, parseClockOwner } from './clock-owner'

describe('clock_owner row', () => {
  it('reads back what Podlab writes', () => {
    const owner = { door: 'web' as const, pid: 1234, hostname: 'classroom-pc' }
    expect(parseClockOwner(clockOwnerValue(owner))).toEqual(owner)
  })

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['a door that runs no clock', '{"door":"kubeapi","pid":1,"hostname":"h"}'],
    ['pid 0', '{"door":"app","pid":0,"hostname":"h"}'],
    ['a fractional pid', '{"door":"app","pid":1.5,"hostname":"h"}'],
    ['a host name that is not text', '{"door":"app","pid":1,"hostname":7}'],
    ['an extra key', '{"door":"app","pid":1,"hostname":"h","x":1}'],
  ])('refuses %s', (_name, value) => {
    expect(parseClockOwner(value)).toBeUndefined()
  })
})
