// The learner's Deployment (testdata/seed/helloDeployment.yaml) through kubectl on a real cluster, mistake by
// mistake as the seed README lists them (Kubernetes behaviour reference §6, §11), then fixed: it reaches 3/3,
// heals a deleted pod with a new name, and its deletion cascades to the ReplicaSet and the pods.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { openCluster } from '../engine'
import { tmpFile } from '../engine/testing/cluster'
import { runKubectl } from './run-kubectl'

const SEED = readFileSync(join(__dirname, '..', '..', 'testdata', 'seed', 'helloDeployment.yaml'), 'utf8')

function kubectl(engine: Engine, args: string[], file = SEED) {
  return runKubectl(args, { engine, readFile: () => file, readStdin: () => '' })
}

const podNames = (engine: Engine) => engine.list('pods', 'default').items.map((p) => p.metadata.name ?? '').sort()

describe('the seed Deployment, mistake by mistake', () => {
  it('apiVersion app/v1: resource mapping not found', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const r = kubectl(engine, ['apply', '-f', 'helloDeployment.yaml'])
    expect(r.stderr).toBe('error: resource mapping not found for name: "hello" namespace: "" from "helloDeployment.yaml": no matches for kind "Deployment" in version "app/v1"\nensure CRDs are installed first\n')
    engine.close()
  })

  it('apps/v1 with restartPolicy OnFailure: the Deployment is invalid (apps validation: Always only)', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const r = kubectl(engine, ['apply', '-f', 'helloDeployment.yaml'], SEED.replace('app/v1', 'apps/v1'))
    expect(r.stderr).toBe(
      'The Deployment "hello" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\n',
    )
    expect(engine.list('deployments', 'default').items).toEqual([])
    engine.close()
  })

  it('restartPolicy removed, image helloimage: created, 3 pods that stay in ErrImagePull / ImagePullBackOff, 0/3 READY', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const manifest = SEED.replace('app/v1', 'apps/v1').replace('      restartPolicy: OnFailure\n', '')
    expect(kubectl(engine, ['apply', '-f', 'helloDeployment.yaml'], manifest).stdout).toBe('deployment.apps/hello created\n')
    engine.advance(120_000)
    const pods = kubectl(engine, ['get', 'pods']).stdout.trim().split('\n').slice(1)
    expect(pods).toHaveLength(3)
    for (const row of pods) expect(row).toMatch(/^hello-[a-z0-9]+-[a-z0-9]{5} +0\/1 +(ErrImagePull|ImagePullBackOff) +0 +2m$/)
    expect(kubectl(engine, ['get', 'deployment', 'hello']).stdout).toBe('NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nhello   0/3     3            0           2m\n')
    engine.close()
  })

  it('fixed (nginx): 3/3; a deleted pod comes back with a new name; deleting the Deployment takes its ReplicaSet and pods', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const manifest = SEED.replace('app/v1', 'apps/v1').replace('      restartPolicy: OnFailure\n', '').replace('helloimage', 'nginx')
    kubectl(engine, ['apply', '-f', 'helloDeployment.yaml'], manifest)
    engine.advance(60_000)
    expect(kubectl(engine, ['get', 'deployment', 'hello']).stdout).toBe('NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nhello   3/3     3            3           60s\n')
    const before = podNames(engine)
    expect(before).toHaveLength(3)

    const victim = before[0] ?? ''
    expect(kubectl(engine, ['delete', 'pod', victim]).stdout).toBe(`pod "${victim}" deleted\n`)
    engine.advance(30_000)
    const after = podNames(engine)
    expect(after).toHaveLength(3)
    expect(after).not.toContain(victim)
    const replacement = after.find((n) => !before.includes(n)) ?? ''
    expect(replacement).toMatch(/^hello-[a-z0-9]+-[a-z0-9]{5}$/)
    expect(kubectl(engine, ['get', 'pod', replacement]).stdout).toMatch(/ 1\/1 +Running +0 +/)

    expect(kubectl(engine, ['delete', 'deployment', 'hello']).stdout).toBe('deployment.apps "hello" deleted\n')
    engine.advance(60_000)
    expect(engine.list('replicasets', 'default').items).toEqual([])
    expect(podNames(engine)).toEqual([])
    engine.close()
  })
})
