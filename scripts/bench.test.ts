import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { CELL, FIGURES, LABEL } from './bench-table.mjs'
import { chunks, parseCases } from './bench-workloads.mjs'

// `npm test` builds before the unit tests, so this runs there; `npx vitest run` on a fresh checkout has no
// build, and building here (a minute) would be done again by `npm test`: it is skipped, saying so.
const root = join(__dirname, '..')
const built = existsSync(join(root, 'out', 'main', 'cli.js'))
const notBuilt = 'npm run bench -- --quick needs the built app (out/main/cli.js): run `npm run build` first'
const QUICK_CASES = 3

describe('the cases', () => {
  it('applies 150,000 pods (1,500 Deployments) in 21 growing chunks of at most 100 Deployments that add up to them all', () => {
    const plan = chunks(1_500)
    expect(plan.slice(0, 8)).toEqual([1, 2, 4, 8, 16, 32, 64, 100])
    expect(Math.max(...plan)).toBe(100)
    expect(plan.reduce((a, b) => a + b, 0)).toBe(1_500)
    expect(plan).toHaveLength(21)
  })

  it('applies a size that is not a sum of doublings exactly (5 Deployments: 1, 2, then the 2 left)', () => {
    expect(chunks(5)).toEqual([1, 2, 2])
  })

  it('reads NODESxPODS lists and refuses what is not one', () => {
    expect(parseCases('100x10000,5000x150000')).toEqual([
      [100, 10_000],
      [5_000, 150_000],
    ])
    expect(() => parseCases('100')).toThrow('a case is NODESxPODS')
    expect(() => parseCases('100x0')).toThrow('a case is NODESxPODS')
  })
})

describe('npm run bench -- --quick', () => {
  it('prints every figure of every case as a number (no timing is asserted: a slow machine prints slow figures)', async (ctx) => {
    if (!built) {
      console.warn(`skipped: ${notBuilt}`)
      ctx.skip(notBuilt)
    }
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'scripts', 'bench.mjs'), '--quick'], {
      cwd: root,
      maxBuffer: 1 << 26,
      env: { ...process.env, BENCH_CASES: undefined, BENCH_BUDGET_S: undefined },
    })
    const lines = stdout.split('\n')
    for (const [label] of FIGURES) {
      const line = lines.find((l) => l.startsWith(label.padEnd(LABEL)))
      expect(line, `the line of "${label}"`).toBeDefined()
      const cells = Array.from({ length: QUICK_CASES }, (_, i) => line!.slice(LABEL + i * CELL, LABEL + (i + 1) * CELL).trim())
      for (const cell of cells) {
        expect(cell, `"${label}": ${line}`).toMatch(/\d/)
        expect(cell, `"${label}": ${line}`).not.toContain('n/a')
      }
    }
  }, 600_000)
})
