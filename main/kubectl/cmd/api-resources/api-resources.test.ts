// `kubectl api-resources` and `kubectl api-versions` against real kubectl 1.32.5, byte for byte
// (testdata/*.golden: the fake API server's discovery, which the fake Engine serves too), and on the real
// engine's discovery: every kind Podlab serves, with its verbs.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { RESOURCES } from '../../../engine/resources'
import { runKubectl } from '../../run-kubectl'
import { fakeEngine } from '../../testing/fake-engine'
import { replaySuite } from '../../testing/replay-suite'

const cases = replaySuite(path.join(__dirname, 'testdata'))

describe('kubectl api-resources / api-versions match real kubectl 1.32 (cmd/api-resources/testdata)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.run().result).toEqual(c.want)
  })
})

describe("on the engine's own discovery", () => {
  const engine = { ...fakeEngine({}), resources: () => RESOURCES }
  const kubectl = (...args: string[]) => runKubectl(args, { engine, readFile: () => '', readStdin: () => '' })

  it('lists metrics.k8s.io with get and list only, and namespaces without deletecollection', () => {
    const wide = kubectl('api-resources', '-o', 'wide').stdout
    expect(wide).toMatch(/\nnodes +metrics\.k8s\.io\/v1beta1 +false +NodeMetrics +get,list +\n/)
    expect(wide).toMatch(/\nnamespaces +ns +v1 +false +Namespace +create,delete,get,list,patch,update,watch +\n/)
    expect(kubectl('api-resources', '--verbs=deletecollection', '-o', 'name').stdout).not.toContain('namespaces\n')
  })

  it('api-versions lists each group version once, sorted bytewise', () => {
    expect(kubectl('api-versions').stdout).toBe('apps/v1\nbatch/v1\ncoordination.k8s.io/v1\nevents.k8s.io/v1\nmetrics.k8s.io/v1beta1\nv1\n')
  })
})
