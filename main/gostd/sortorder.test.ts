// sortorder's natsort_test.go cases (NaturalLess), the ones kubectl's --sort-by meets in names and values.
import { describe, expect, it } from 'vitest'
import { naturalLess } from './sortorder'

describe('NaturalLess', () => {
  it('compares runs of digits as numbers: pod9 < pod10, web-2 < web-10', () => {
    expect(naturalLess('pod9', 'pod10')).toBe(true)
    expect(naturalLess('pod10', 'pod9')).toBe(false)
    expect(naturalLess('web-2', 'web-10')).toBe(true)
  })
  it('puts digits before other bytes, and compares the rest byte by byte (C < a)', () => {
    expect(naturalLess('1a', 'a')).toBe(true)
    expect(naturalLess('a', '1a')).toBe(false)
    expect(naturalLess('C', 'a')).toBe(true)
  })
  it('with equal numbers, fewer leading zeros first; a prefix before the longer string', () => {
    expect(naturalLess('a1', 'a01')).toBe(true)
    expect(naturalLess('a01', 'a1')).toBe(false)
    expect(naturalLess('abc', 'abcd')).toBe(true)
    expect(naturalLess('x', 'x')).toBe(false)
  })
})
