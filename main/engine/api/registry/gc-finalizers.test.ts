import { describe, expect, it } from 'vitest'
import { deletionFinalizers } from './gc-finalizers'

describe("the store's garbage-collection finalizers (deletionFinalizersForGarbageCollection)", () => {
  it.each([
    ['Background removes both', ['orphan', 'x.io/keep'], 'Background', 'Background', ['x.io/keep']],
    ['Orphan adds orphan', [], 'Orphan', 'Background', ['orphan']],
    ['Foreground adds foregroundDeletion', [], 'Foreground', 'Background', ['foregroundDeletion']],
    ['Foreground replaces orphan', ['orphan'], 'Foreground', 'Background', ['foregroundDeletion']],
    ["no policy: the kind's Orphan default (batch/v1 Job)", [], undefined, 'Orphan', ['orphan']],
    ["no policy: the object's own foregroundDeletion wins over the kind's Orphan default", ['foregroundDeletion'], undefined, 'Orphan', undefined],
    ['no policy, Background default: nothing to add', [], undefined, 'Background', undefined],
    ['the same set in another order is no change', ['foregroundDeletion', 'a.io/b'], 'Foreground', 'Background', undefined],
  ] as const)('%s', (_name, finalizers, policy, kindDefault, expected) => {
    expect(deletionFinalizers(finalizers, policy, kindDefault)).toEqual(expected)
  })
})
