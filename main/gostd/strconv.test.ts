import { describe, expect, it } from 'vitest'
import { parseUint10 } from './strconv'

describe('strconv.ParseUint(s, 10, 16)', () => {
  it.each([
    ['0', 0],
    ['80', 80],
    ['65535', 65535],
    ['00080', 80],
  ])('%s is %d', (s, n) => expect(parseUint10(s, 16)).toBe(n))

  it.each([
    ['', 'strconv.ParseUint: parsing "": invalid syntax'],
    ['abc', 'strconv.ParseUint: parsing "abc": invalid syntax'],
    ['+80', 'strconv.ParseUint: parsing "+80": invalid syntax'],
    ['65536', 'strconv.ParseUint: parsing "65536": value out of range'],
    // The range is checked digit by digit, before the bad byte is reached.
    ['70000x', 'strconv.ParseUint: parsing "70000x": value out of range'],
    ['7x0000', 'strconv.ParseUint: parsing "7x0000": invalid syntax'],
  ])('%j fails as Go says', (s, message) => expect(() => parseUint10(s, 16)).toThrow(message))
})
