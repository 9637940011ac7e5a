import { describe, expect, it } from 'vitest'
import { ControllerExpectations, EXPECTATIONS_TTL_MS } from './expectations'

describe('ControllerExpectations (pkg/controller/controller_utils.go)', () => {
  it('a key with no expectations is satisfied; expected creations are satisfied once all are observed', () => {
    let now = 0
    const e = new ControllerExpectations(() => now)
    expect(e.satisfiedExpectations('default/rs')).toBe(true)
    e.expectCreations('default/rs', 3)
    expect(e.satisfiedExpectations('default/rs')).toBe(false)
    e.creationObserved('default/rs')
    e.creationObserved('default/rs')
    expect(e.get('default/rs')).toEqual({ add: 1, del: 0 })
    expect(e.satisfiedExpectations('default/rs')).toBe(false)
    e.creationObserved('default/rs')
    expect(e.satisfiedExpectations('default/rs')).toBe(true)
    e.expectDeletions('default/rs', 1)
    expect(e.satisfiedExpectations('default/rs')).toBe(false)
    e.deletionObserved('default/rs')
    expect(e.satisfiedExpectations('default/rs')).toBe(true)
  })

  it('expectations older than 5 minutes of virtual time count as satisfied (a missed watch event does not stall the controller)', () => {
    let now = 1_000
    const e = new ControllerExpectations(() => now)
    e.expectCreations('k', 2)
    now += EXPECTATIONS_TTL_MS
    expect(e.satisfiedExpectations('k')).toBe(false)
    now += 1
    expect(e.satisfiedExpectations('k')).toBe(true)
    expect(EXPECTATIONS_TTL_MS).toBe(300_000)
  })

  it('raise and lower keep the timestamp; delete forgets the key', () => {
    let now = 0
    const e = new ControllerExpectations(() => now)
    e.expectCreations('k', 1)
    now = EXPECTATIONS_TTL_MS
    e.raiseExpectations('k', 2, 1)
    expect(e.get('k')).toEqual({ add: 3, del: 1 })
    now += 1
    expect(e.satisfiedExpectations('k')).toBe(true)
    e.deleteExpectations('k')
    expect(e.get('k')).toBeUndefined()
  })
})
