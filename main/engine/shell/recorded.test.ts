import { describe, expect, it } from 'vitest'
import { RECORDED } from './testdata/recorded-cases'
import { runScript } from './testing'

/** Syntax errors carry mvdan-sh's words after the shell's own prefix (`sh: 1: Syntax error: `), not dash's. */
const isSyntaxError = (err: string): boolean => /Syntax error: |syntax error/.test(err)

// Each script runs in our sh:dash and sh:bash on the fake kernel; stdout, stderr and the exit status must be
// what the real dash and bash printed for it.
describe.each(['dash', 'bash'] as const)('%s prints what the real shell printed', (flavour) => {
  it.each(RECORDED.map((c) => [c.script, c[flavour]] as const))('%s', (script, want) => {
    const got = runScript(flavour, script)
    if (isSyntaxError(want.err)) {
      expect({ out: got.out, status: got.status, prefix: got.err.slice(0, want.err.indexOf('rror: ') + 6) }).toEqual({ out: want.out, status: { exited: want.status }, prefix: want.err.slice(0, want.err.indexOf('rror: ') + 6) })
      return
    }
    expect({ out: got.out, err: got.err, status: got.status }).toEqual({ out: want.out, err: want.err, status: { exited: want.status } })
  })
})
