// `kubectl run` against real kubectl v1.32.5, byte for byte: every case of testdata/cases.json was recorded by
// scripts/golden/run.mjs (the real binary against the fake API server) and replays here on the fake Engine:
// stdout, stderr, exit code, and the pod POSTed (a client dry run posts nothing).
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/golden-suite'

const cases = replaySuite(path.join(__dirname, 'testdata'))

describe('kubectl run matches real kubectl 1.32 (cmd/run/testdata/*.golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.result).toEqual(c.want)
    expect(c.engine.created).toEqual(c.posted)
  })

  it('the cases create pods for real, not only dry runs', () => {
    expect(cases.filter((c) => c.posted.length > 0).map((c) => c.name)).toEqual(expect.arrayContaining(['run-created', 'run-created-args', 'run-save-config-created']))
  })
})
