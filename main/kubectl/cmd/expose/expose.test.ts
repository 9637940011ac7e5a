// `kubectl expose`: kubectl 1.32's own refusals byte for byte (testdata/*.golden, recorded by
// scripts/golden/run.mjs), then Podlab's plain answer that it serves no Services.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fakeEngine } from '../../testing/fake-engine'
import { replaySuite } from '../../testing/golden-suite'
import { runKubectl } from '../../run-kubectl'
import { NO_SERVICES } from './expose'

describe('kubectl expose', () => {
  it.each(replaySuite(path.join(__dirname, 'testdata')).map((c) => [c.name, c] as const))('%s matches real kubectl 1.32', (_name, c) => {
    expect(c.result).toEqual(c.want)
  })

  it('a valid request is told plainly that Podlab does not simulate Services, and nothing is created', () => {
    const engine = fakeEngine({ objects: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'hello', namespace: 'default' } }] })
    const result = runKubectl(['expose', 'deployment', 'hello', '--port=80', '--target-port=8080'], { engine, readFile: () => '', readStdin: () => '' })
    expect(result).toEqual({ stdout: '', stderr: NO_SERVICES, exitCode: 1 })
    expect(NO_SERVICES).toContain('Podlab does not simulate Services yet')
    expect(engine.created).toEqual([])
  })

  it('an object that is not there is kubectl\'s NotFound first (the builder GETs it), not the Services answer', () => {
    const result = runKubectl(['expose', 'pod', 'nope', '--port', '80'], { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' })
    expect(result).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 })
  })
})
