#!/usr/bin/env node
// `npm run fuzz [-- RUNS]`: the fuzz tests (files named *.fuzz.test.ts) with many more cases than `npm test`
// gives them (default 20,000 per property).
import { spawnSync } from 'node:child_process'

const runs = process.argv[2] ?? '20000'
if (!/^[1-9]\d{0,8}$/.test(runs)) {
  console.error(`usage: npm run fuzz [-- RUNS]   (RUNS a whole number, got "${runs}")`)
  process.exit(2)
}
const result = spawnSync('npx', ['vitest', 'run', '--testTimeout=0', 'fuzz.test'], {
  stdio: 'inherit',
  env: { ...process.env, PODLAB_FUZZ_RUNS: runs },
})
process.exit(result.status ?? 1)
