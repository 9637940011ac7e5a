// resource.Quantity, as far as scheduling needs it: "500m" CPU and "128Mi" memory as plain numbers
// (millicores and bytes).

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 }
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 }

/** The quantity's value in base units (cores, bytes, pods); NaN when it does not parse. */
export function parseQuantity(value: string | number): number {
  if (typeof value === 'number') return value
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(value.trim())
  if (!m) return Number.NaN
  const n = Number(m[1])
  const suffix = m[2] ?? ''
  return n * (BINARY[suffix] ?? DECIMAL[suffix] ?? Number.NaN)
}

export function milliCpu(value: string | number | undefined): number {
  return value === undefined ? 0 : Math.round(parseQuantity(value) * 1000)
}

export function bytes(value: string | number | undefined): number {
  return value === undefined ? 0 : Math.round(parseQuantity(value))
}
