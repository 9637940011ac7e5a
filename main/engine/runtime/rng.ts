// The cluster's one source of randomness: sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded from the
// cluster's seed and stored with the cluster after every write, so the same seed and the same commands give
// the same names, the same node choices and the same history, byte for byte.

export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  /** The state to store; `createRng(state)` resumes from it. */
  state(): string
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** What is wrong with a seed (a decimal whole number of 1 to 15 digits) as a predicate (`must be ...`), or undefined. */
export function seedProblem(seed: string): string | undefined {
  return /^\d{1,15}$/.test(seed) ? undefined : `must be a whole number of 1 to 15 digits, got "${seed}"`
}

/** What is wrong with a stored generator state (four unsigned 32-bit decimals, comma-separated), or undefined. */
export function rngStateProblem(state: string): string | undefined {
  const ok = /^\d{1,10}(,\d{1,10}){3}$/.test(state) && state.split(',').every((p) => Number(p) <= 0xffffffff)
  return ok ? undefined : `the generator state "${state}" is not four 32-bit numbers`
}

/** A fresh generator from a decimal seed string (up to 2^53). */
export function seedState(seed: string): string {
  const n = Number(seed)
  const mix = splitmix32((n >>> 0) ^ Math.floor(n / 2 ** 32))
  return [mix(), mix(), mix(), mix()].join(',')
}

export function createRng(state: string): Rng {
  const problem = rngStateProblem(state)
  if (problem) throw new Error(problem)
  const parts = state.split(',').map((p) => Number(p) >>> 0)
  let [a, b, c, d] = parts as [number, number, number, number]
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  return {
    next: () => next32() / 2 ** 32,
    int: (n) => Math.floor((next32() / 2 ** 32) * n),
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0].join(','),
  }
}
