// resource.Quantity's Add, Cmp, Value and MilliValue (apimachinery pkg/api/resource v0.32.0), on the exact
// quantities gostd/quantity-canonical.ts parses, for the node describer's request and limit sums.

import { parseQuantityExact, quantityString, type Quantity } from '../../../gostd/quantity-canonical'

export const ZERO: Quantity = { unscaled: 0n, exponent: 0, format: 'DecimalSI', s: '' }

/** A stored quantity (the API server wrote it, so it parses); an unparsable one counts as zero. */
export function quantity(text: string | undefined): Quantity {
  if (text === undefined) return ZERO
  const parsed = parseQuantityExact(text)
  return parsed.ok ? parsed.quantity : ZERO
}

function aligned(a: Quantity, b: Quantity): { a: bigint; b: bigint; exponent: number } {
  const exponent = Math.min(a.exponent, b.exponent)
  return { a: a.unscaled * 10n ** BigInt(a.exponent - exponent), b: b.unscaled * 10n ** BigInt(b.exponent - exponent), exponent }
}

/** Quantity.Add: the sum, in the first one's format unless it is zero (its cached string dropped). */
export function add(a: Quantity, b: Quantity): Quantity {
  const { a: x, b: y, exponent } = aligned(a, b)
  return { unscaled: x + y, exponent, format: a.unscaled === 0n ? b.format : a.format, s: '' }
}

/** Quantity.Cmp: -1, 0 or 1. */
export function cmp(a: Quantity, b: Quantity): number {
  const { a: x, b: y } = aligned(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** ScaledValue(scale): the value in units of 10^scale, rounded up (Value: scale 0; MilliValue: scale -3). */
function scaled(q: Quantity, scale: number): number {
  const shift = q.exponent - scale
  if (shift >= 0) return Number(q.unscaled * 10n ** BigInt(shift))
  const div = 10n ** BigInt(-shift)
  const quotient = q.unscaled / div
  return Number(q.unscaled % div === 0n || q.unscaled < 0n ? quotient : quotient + 1n)
}

export const value = (q: Quantity): number => scaled(q, 0)
export const milliValue = (q: Quantity): number => scaled(q, -3)

/** Quantity.String: the parsed text while it is canonical, else the canonical form (a sum's). */
export function quantityText(q: Quantity): string {
  return quantityString(q)
}
