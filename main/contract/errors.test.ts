import { describe, expect, it } from 'vitest'
import { isContractError } from './errors'

describe('isContractError', () => {
  it('accepts an object with a string reason and message', () => {
    expect(isContractError({ reason: 'NotFound', message: 'pods "x" not found' })).toBe(true)
  })
  it.each([
    ['null', null],
    ['a string', 'boom'],
    ['a missing message', { reason: 'NotFound' }],
    ['a message that is not a string', { reason: 'NotFound', message: 1 }],
    ['an array, even one carrying the fields', Object.assign([], { reason: 'NotFound', message: 'x' })],
  ])('rejects %s', (_what, value) => {
    expect(isContractError(value)).toBe(false)
  })
})
