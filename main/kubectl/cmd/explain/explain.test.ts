// `kubectl explain` against real kubectl 1.32.5, byte for byte (testdata/*.golden, scripts/golden/run.mjs): the
// real binary read the very OpenAPI v3 documents the engine serves (scripts/golden/fake-explain.mjs), Podlab's
// explain reads them through Engine.openAPIV3.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/replay-suite'
import { fakeEngine } from '../../testing/fake-engine'
import { runKubectl } from '../../run-kubectl'
import { engineCluster } from '../../testing/engine-cluster'

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

describe('kubectl explain on the engine (the documents Cluster serves, its discovery)', () => {
  const { engine, kubectl } = engineCluster()

  it('events map to core/v1 first, as discovery lists the core group before events.k8s.io', () => {
    expect(kubectl('explain', 'events').stdout).toMatch(/^KIND:       Event\nVERSION:    v1\n\nDESCRIPTION:\n/)
    expect(kubectl('explain', 'events', '--api-version=events.k8s.io/v1').stdout).toMatch(/^GROUP:      events\.k8s\.io\nKIND:       Event\n/)
  })

  it('a served kind outside the fake discovery (leases) and a documented-only one (svc) are explained', () => {
    expect(kubectl('explain', 'leases.spec.holderIdentity').stdout).toMatch(/^GROUP:      coordination\.k8s\.io\nKIND:       Lease\nVERSION:    v1\n\nFIELD: holderIdentity <string>\n/)
    expect(kubectl('explain', 'svc.spec.type').stdout).toContain('ENUM:\n    ClusterIP\n    ExternalName\n    LoadBalancer\n    NodePort\n')
  })

  it('Engine.openAPIV3Root names the documents Engine.openAPIV3 serves', () => {
    for (const gv of Object.keys(engine.openAPIV3Root().paths)) expect(engine.openAPIV3(gv), gv).toBeDefined()
    expect(engine.openAPIV3('apis/metrics.k8s.io/v1beta1')).toBeUndefined()
  })
})
