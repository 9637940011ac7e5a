// `kubectl patch` against real kubectl v1.32.5, byte for byte: every case of testdata/cases.json was recorded by
// scripts/golden/run.mjs (the real binary against the fake API server holding objects a Podlab engine made) and
// replays here on the fake Engine (which, as that server, applies the patches it is sent): stdout, stderr, exit
// code, and each patch kubectl sent with its type (none with --local or a client dry run).
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/golden-suite'

const cases = replaySuite(path.join(__dirname, 'testdata'), { applyPatches: true })

describe('kubectl patch matches real kubectl 1.32 (cmd/patch/testdata/*.golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.result).toEqual(c.want)
    expect(c.engine.patched.map((p) => ({ resource: p.resource, namespace: p.namespace, name: p.name, patchType: p.patchType, patch: p.patch }))).toEqual(c.patches)
  })

  it('the cases patch: the PATCH check compares something', () => {
    expect(cases.filter((c) => c.patches.length > 0).length).toBeGreaterThan(5)
  })
})
