// `kubectl autoscale`: kubectl 1.32's own refusals byte for byte (testdata/*.golden, recorded by
// scripts/golden/run.mjs), then Podlab's plain answer that it serves no HorizontalPodAutoscalers.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fakeEngine } from '../../testing/fake-engine'
import { replaySuite } from '../../testing/golden-suite'
import { runKubectl } from '../../run-kubectl'
import { NO_HPA } from './autoscale'

describe('kubectl autoscale', () => {
  it.each(replaySuite(path.join(__dirname, 'testdata')).map((c) => [c.name, c] as const))('%s matches real kubectl 1.32', (_name, c) => {
    expect(c.result).toEqual(c.want)
  })

  it('a valid request is told plainly that Podlab does not simulate HorizontalPodAutoscalers, and nothing is created', () => {
    const engine = fakeEngine({})
    const result = runKubectl(['autoscale', 'deployment', 'hello', '--min=2', '--max=5', '--cpu-percent=80'], { engine, readFile: () => '', readStdin: () => '' })
    expect(result).toEqual({ stdout: '', stderr: NO_HPA, exitCode: 1 })
    expect(NO_HPA).toContain('Podlab does not simulate HorizontalPodAutoscalers yet')
    expect(engine.created).toEqual([])
  })
})
