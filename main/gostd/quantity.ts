// resource.Quantity as plain numbers, for arithmetic (scheduling, QoS, limit checks): "500m" CPU and "128Mi"
// memory as 0.5 and 134217728. Parsing is apimachinery's (quantity-canonical.ts); only the conversion to a
// float is ours, which is exact for every value a pod or node spec uses.

import { parseQuantityExact } from './quantity-canonical'

/** The quantity's value in base units (cores, bytes, pods); NaN when it does not parse. */
export function parseQuantity(value: string | number): number {
  if (typeof value === 'number') return value
  const parsed = parseQuantityExact(value)
  if (!parsed.ok) return Number.NaN
  const { unscaled, exponent } = parsed.quantity
  // Dividing by a power of ten (exact) rather than multiplying by a negative one (0.1 is not) keeps 1.5 at 1.5.
  return exponent < 0 ? Number(unscaled) / 10 ** -exponent : Number(unscaled) * 10 ** exponent
}

export function milliCpu(value: string | number | undefined): number {
  return value === undefined ? 0 : Math.round(parseQuantity(value) * 1000)
}

export function bytes(value: string | number | undefined): number {
  return value === undefined ? 0 : Math.round(parseQuantity(value))
}
