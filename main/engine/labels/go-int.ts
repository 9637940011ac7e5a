// strconv.ParseInt(s, 10, 64), which Gt/Lt requirements use for both sides: an optional sign, decimal digits,
// and the int64 range; anything else is not an integer. BigInt keeps the full 64 bits (a JS number would not).

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** The int64 `s` spells in base 10, or undefined when Go's ParseInt would fail. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined
  const n = BigInt(s)
  return n < INT64_MIN || n > INT64_MAX ? undefined : n
}
