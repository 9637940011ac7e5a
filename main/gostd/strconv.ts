// Go's strconv.ParseUint for base 10, with its errors' words (strconv/atoi.go): the first byte that is not a digit
// is a syntax error, and the first digit that takes the value past the bit size's maximum is a range error, so
// "70000x" (16 bits) is out of range, not bad syntax. `_` and prefixes belong to base 0 only, which this is not.

import { goQuote } from './gofmt'

/** A strconv.NumError's text: `strconv.ParseUint: parsing "abc": invalid syntax`. */
export class NumError extends Error {
  constructor(
    readonly func: string,
    readonly input: string,
    readonly reason: 'invalid syntax' | 'value out of range',
  ) {
    super(`strconv.${func}: parsing ${goQuote(input)}: ${reason}`)
  }
}

/**
 * strconv.ParseUint(s, 10, bitSize) (bitSize at most 32 here, so every value is a safe JS integer). Returns the
 * number; throws NumError as Go returns it.
 */
export function parseUint10(s: string, bitSize: 8 | 16 | 32): number {
  if (s === '') throw new NumError('ParseUint', s, 'invalid syntax')
  const max = 2 ** bitSize - 1
  let n = 0
  for (const c of s) {
    if (c < '0' || c > '9') throw new NumError('ParseUint', s, 'invalid syntax')
    n = n * 10 + (c.charCodeAt(0) - 48)
    if (n > max) throw new NumError('ParseUint', s, 'value out of range')
  }
  return n
}
