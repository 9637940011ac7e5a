import { describe, expect, it } from 'vitest'
import { binaryQuantity, cpuQuantity } from './quantities'

describe('usage quantities as metrics-server prints them', () => {
  it('memory: Ki/Mi for multiples of 1024, plain bytes otherwise (NewQuantity BinarySI)', () => {
    expect(binaryQuantity(2616 * 1024)).toBe('2616Ki')
    expect(binaryQuantity(100 * 1024 * 1024)).toBe('100Mi')
    expect(binaryQuantity(1000)).toBe('1k')
    expect(binaryQuantity(1023)).toBe('1023')
    expect(binaryQuantity(26620131737)).toBe('26620131737')
    expect(binaryQuantity(0)).toBe('0')
  })
  it('cpu: nanocores scaled to n or m (NewScaledQuantity(n, -9))', () => {
    expect(cpuQuantity(1.234567)).toBe('1234567n')
    expect(cpuQuantity(2)).toBe('2m')
    expect(cpuQuantity(1000)).toBe('1')
    expect(cpuQuantity(0)).toBe('0')
  })
})
