import { describe, expect, it } from 'vitest'
import { bytes, milliCpu, parseQuantity } from './quantity'

// resource.Quantity values as the scheduler adds them up (noderesources fit: MilliValue for cpu, Value for memory).
describe('quantities as numbers', () => {
  it.each([
    ['500m', 0.5],
    ['1', 1],
    ['1.5', 1.5],
    ['128Mi', 128 * 2 ** 20],
    ['8388608Ki', 8 * 2 ** 30],
    ['1G', 1e9],
    ['1e3', 1000],
  ])('%s = %d', (text, value) => expect(parseQuantity(text)).toBe(value))

  it('gives NaN for what does not parse', () => expect(parseQuantity('lots')).toBeNaN())

  it('converts to millicores and bytes', () => {
    expect(milliCpu('250m')).toBe(250)
    expect(milliCpu(2)).toBe(2000)
    expect(bytes('1Gi')).toBe(2 ** 30)
    expect(milliCpu(undefined)).toBe(0)
  })
})
