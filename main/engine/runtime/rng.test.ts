import { describe, expect, it } from 'vitest'
import { createRng, seedState } from './rng'

describe('seeded generator', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = createRng(seedState('42'))
    const b = createRng(seedState('42'))
    const c = createRng(seedState('43'))
    const take = (r: ReturnType<typeof createRng>) => Array.from({ length: 8 }, () => r.int(1000))
    const first = take(a)
    expect(take(b)).toEqual(first)
    expect(take(c)).not.toEqual(first)
  })

  it('resumes exactly from a stored state', () => {
    const a = createRng(seedState('7'))
    a.next()
    a.next()
    const resumed = createRng(a.state())
    expect(Array.from({ length: 5 }, () => resumed.next())).toEqual(Array.from({ length: 5 }, () => a.next()))
  })

  it('stays in range', () => {
    const r = createRng(seedState('1'))
    for (let i = 0; i < 10_000; i++) {
      const x = r.next()
      expect(x >= 0 && x < 1).toBe(true)
      const n = r.int(27)
      expect(Number.isInteger(n) && n >= 0 && n < 27).toBe(true)
    }
  })
})

describe('stored generator state', () => {
  it.each(['', '1,2,3', 'a,b,c,d', '1,2,3,4,5', 'NaN,1,2,3', '4294967296,1,2,3'])('refuses %j instead of silently starting from zeros', (state) => {
    expect(() => createRng(state)).toThrow(/generator state .* is not four 32-bit numbers/)
  })
})
