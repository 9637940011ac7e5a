// Usage as resource.Quantity strings, made the way the kubelet and metrics-server make them: memory with
// resource.NewQuantity(bytes, BinarySI) (`2616Ki`, `100Mi`, or plain bytes when not a multiple of 1024), CPU
// with resource.NewScaledQuantity(nanocores, -9) (`1234567n`, `2m`, `0`).

import { canonicalize } from '../../gostd/quantity-canonical'

/** NewQuantity(bytes, BinarySI).String(). */
export function binaryQuantity(bytes: number): string {
  return canonicalize({ unscaled: BigInt(Math.round(bytes)), exponent: 0, format: 'BinarySI', s: '' })
}

/** NewScaledQuantity(millicores * 10^6, -9).String() (DecimalSI). */
export function cpuQuantity(millicores: number): string {
  return canonicalize({ unscaled: BigInt(Math.round(millicores * 1_000_000)), exponent: -9, format: 'DecimalSI', s: '' })
}
