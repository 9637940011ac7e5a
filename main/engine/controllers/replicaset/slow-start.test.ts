// Facts from kubernetes v1.32 pkg/controller/replicaset/replica_set.go slowStartBatch (TestSlowStartBatch).
import { describe, expect, it } from 'vitest'
import { slowStartBatch } from './slow-start'

describe('slowStartBatch', () => {
  it('calls in batches of 1, 2, 4, ... up to the count', () => {
    let calls = 0
    expect(slowStartBatch(10, 1, () => void calls++)).toEqual({ successes: 10 })
    expect(calls).toBe(10)
  })

  it('finishes the batch a failure happens in, then stops: a failure at the 4th call makes 7 calls, 6 successes', () => {
    let calls = 0
    const boom = new Error('quota')
    const result = slowStartBatch(10, 1, () => {
      calls++
      if (calls === 4) throw boom
    })
    expect(calls).toBe(7)
    expect(result).toEqual({ successes: 6, error: boom })
  })

  it('stops after the first call when every call fails', () => {
    let calls = 0
    const result = slowStartBatch(500, 1, () => {
      calls++
      throw new Error('no')
    })
    expect([calls, result.successes]).toEqual([1, 0])
  })

  it('does nothing for 0', () => expect(slowStartBatch(0, 1, () => { throw new Error('called') })).toEqual({ successes: 0 }))
})
