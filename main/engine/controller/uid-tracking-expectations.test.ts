// Facts from kubernetes v1.32 pkg/controller/controller_utils.go UIDTrackingControllerExpectations
// (TestUIDExpectations): a deletion counts once per expected pod, however often it is observed.
import { describe, expect, it } from 'vitest'
import { UIDTrackingExpectations } from './uid-tracking-expectations'

describe('UIDTrackingExpectations', () => {
  it('lowers the expected deletions once per expected pod key', () => {
    const e = new UIDTrackingExpectations(() => 0)
    e.expectDeletionsOf('ns/rs', ['ns/a', 'ns/b'])
    expect(e.satisfiedExpectations('ns/rs')).toBe(false)
    e.deletionObservedOf('ns/rs', 'ns/a')
    e.deletionObservedOf('ns/rs', 'ns/a')
    e.deletionObservedOf('ns/rs', 'ns/unexpected')
    expect(e.get('ns/rs')).toEqual({ add: 0, del: 1 })
    e.deletionObservedOf('ns/rs', 'ns/b')
    expect(e.satisfiedExpectations('ns/rs')).toBe(true)
  })

  it('forgets the keys with the expectations', () => {
    const e = new UIDTrackingExpectations(() => 0)
    e.expectDeletionsOf('ns/rs', ['ns/a'])
    e.deleteExpectations('ns/rs')
    expect(e.get('ns/rs')).toBeUndefined()
    e.expectCreations('ns/rs', 1)
    e.deletionObservedOf('ns/rs', 'ns/a')
    expect(e.get('ns/rs')).toEqual({ add: 1, del: 0 })
  })
})
