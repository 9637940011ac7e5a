import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzRuns } from '../testing/fuzz'
import { runScript } from './testing/shell-kernel'

// $((a OP b)) for small integers as C's 64-bit arithmetic gives it (what dash and bash compute): division
// truncates toward zero, % takes the dividend's sign, comparisons give 1 or 0.
const OPS: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => Math.trunc(a / b),
  '%': (a, b) => a % b,
  '<<': (a, b) => a * 2 ** b,
  '>>': (a, b) => Math.floor(a / 2 ** b),
  '&': (a, b) => a & b,
  '|': (a, b) => a | b,
  '^': (a, b) => a ^ b,
  '<': (a, b) => Number(a < b),
  '>=': (a, b) => Number(a >= b),
  '==': (a, b) => Number(a === b),
  '!=': (a, b) => Number(a !== b),
  '&&': (a, b) => Number(a !== 0 && b !== 0),
  '||': (a, b) => Number(a !== 0 || b !== 0),
}

describe('arithmetic expansion', () => {
  it('$((a OP b)) with variables and literals gives what C arithmetic gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -30000, max: 30000 }), fc.constantFrom(...Object.keys(OPS)), fc.integer({ min: -30000, max: 30000 })), { minLength: 1, maxLength: 12 }),
        (exprs) => {
          const cases = exprs.map(([a, op, b]) => [a, op, op === '<<' || op === '>>' ? Math.abs(b) % 16 : (op === '/' || op === '%') && b === 0 ? 7 : b] as const)
          const script = cases.map(([a, op, b], i) => `a${i}=${a}; echo $((a${i} ${op} ${b < 0 ? `(${b})` : b}))`).join('\n')
          const want = cases.map(([a, op, b]) => `${OPS[op]!(a, b)}\n`).join('')
          expect(runScript('dash', script).out).toBe(want)
        },
      ),
      { numRuns: fuzzRuns(10) },
    )
  }, 20_000) // the first parse loads mvdan-sh (about 1.5 s on a busy machine)
})
