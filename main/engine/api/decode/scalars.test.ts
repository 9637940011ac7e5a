import { describe, expect, it } from 'vitest'
import { QUANTITY_FORMAT_WRONG, QUANTITY_SUFFIX, quantityError, rfc3339Error } from './scalars'

describe('quantityError (apimachinery v0.32.0 resource.ParseQuantity)', () => {
  const cases: Array<[string, string | null]> = [
    ['500m', null],
    ['1Gi', null],
    ['128974848', null],
    ['129e6', null],
    ['1.5', null],
    ['0', null],
    ['+1k', null],
    ['1E3', null],
    ['', QUANTITY_FORMAT_WRONG],
    ['128 Mi', QUANTITY_FORMAT_WRONG],
    ['1GB', QUANTITY_FORMAT_WRONG],
    ['1gi', QUANTITY_FORMAT_WRONG],
    ['1.5.5', QUANTITY_FORMAT_WRONG],
    ['true', QUANTITY_FORMAT_WRONG],
    ['1mi', QUANTITY_SUFFIX],
    ['1K', QUANTITY_SUFFIX],
  ]
  it.each(cases)('%j', (input, expected) => {
    expect(quantityError(input)).toBe(expected)
  })
})

describe('rfc3339Error (time.Parse with time.RFC3339; approximate element reporting)', () => {
  it('accepts RFC 3339 with Z, offsets and fractions', () => {
    for (const s of ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00+02:00', '2024-05-01T10:00:00.123Z']) expect(rfc3339Error(s)).toBeNull()
  })
  it('names the first element that does not match, as Go does', () => {
    expect(rfc3339Error('yesterday')).toBe('parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"')
    expect(rfc3339Error('2024-05-01')).toBe('parsing time "2024-05-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"')
  })
})
