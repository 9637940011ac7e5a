// `kubectl explain` against real kubectl 1.32.5, byte for byte (testdata/*.golden, scripts/golden/run.mjs): the
// real binary read the very OpenAPI v3 documents the engine serves (scripts/golden/fake-explain.mjs), Podlab's
// explain reads them through Engine.openAPIV3.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/replay-suite'
import { fakeEngine } from '../../testing/fake-engine'
import { runKubectl } from '../../run-kubectl'

const cases = replaySuite(path.join(__dirname, 'testdata'))

describe('kubectl explain matches real kubectl 1.32 (cmd/explain/testdata)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.run().result).toEqual(c.want)
  })
})

describe('kubectl explain: what the goldens cannot record', () => {
  const run = (...args: string[]) => runKubectl(args, { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' })

  it('--output=plaintext-openapiv2 says plainly that Podlab serves the OpenAPI v3 schema only', () => {
    // The real kubectl renders OpenAPI v2 there; Podlab's API server has no v2 document to render.
    expect(run('explain', 'pods', '--output=plaintext-openapiv2')).toEqual({
      stdout: '',
      stderr: 'error: --output=plaintext-openapiv2 (Podlab serves the OpenAPI v3 schema only) is not supported by Podlab yet\n',
      exitCode: 1,
    })
  })

  it('a kind Podlab serves and one it only documents are both explained (no simulation needed)', () => {
    expect(run('explain', 'cj').stdout).toMatch(/^GROUP:      batch\nKIND:       CronJob\nVERSION:    v1\n/)
    expect(run('explain', 'jobs').stdout).toMatch(/^GROUP:      batch\nKIND:       Job\nVERSION:    v1\n/)
  })
})
