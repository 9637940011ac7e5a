// --dry-run=server on a Podlab cluster: every verb that takes it sends its request with dryRun=All, prints
// kubectl's line for it (the goldens of each verb's suite hold the real kubectl's), and the cluster is left as it
// was: no resourceVersion moves, nothing is created or deleted.

import { describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { manualClusters } from '../engine/testing/cluster'
import { runKubectl } from './run-kubectl'

const cluster = manualClusters()
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    run: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'
const kubectl = (engine: Engine, stdin: string, ...args: string[]) => runKubectl(args, { engine, readFile: () => '', readStdin: () => stdin })

/** A cluster with pod `web` (applied) and deployment `hello`, settled. */
function seeded(): Engine {
  const engine = cluster()
  expect(kubectl(engine, POD, 'apply', '-f', '-').exitCode).toBe(0)
  expect(kubectl(engine, '', 'create', 'deployment', 'hello', '--image=nginx:1.27').exitCode).toBe(0)
  engine.advance(60_000)
  return engine
}

describe('--dry-run=server changes nothing and says so as kubectl does', () => {
  it.each<[string, string[], string, string?]>([
    ['create deployment', ['create', 'deployment', 'other', '--image=nginx'], 'deployment.apps/other created (server dry run)\n'],
    ['create -f', ['create', '-f', '-'], 'pod/fresh created (server dry run)\n', POD.replace('name: web', 'name: fresh')],
    ['run', ['run', 'solo', '--image=nginx'], 'pod/solo created (server dry run)\n'],
    ['apply (create)', ['apply', '-f', '-'], 'pod/fresh created (server dry run)\n', POD.replace('name: web', 'name: fresh')],
    ['apply (configure)', ['apply', '-f', '-'], 'pod/web configured (server dry run)\n', POD.replace('run: web', 'run: web\n    tier: fe')],
    ['label', ['label', 'pod', 'web', 'tier=fe'], 'pod/web labeled (server dry run)\n'],
    ['annotate', ['annotate', 'pod', 'web', 'note=x'], 'pod/web annotated (server dry run)\n'],
    ['scale', ['scale', 'deployment', 'hello', '--replicas=5'], 'deployment.apps/hello scaled (server dry run)\n'],
    ['patch', ['patch', 'pod', 'web', '-p', '{"metadata":{"labels":{"tier":"fe"}}}'], 'pod/web patched\n'],
    ['set image', ['set', 'image', 'deployment/hello', 'nginx=nginx:1.28'], 'deployment.apps/hello image updated (server dry run)\n'],
    ['delete', ['delete', 'pod', 'web'], 'pod "web" deleted (server dry run)\n'],
    ['taint', ['taint', 'nodes', 'podlab-worker', 'a=b:NoSchedule'], 'node/podlab-worker tainted\n'],
  ])('%s', (_verb, args, stdout, stdin = '') => {
    const engine = seeded()
    const rv = engine.info().resourceVersion
    expect(kubectl(engine, stdin, ...args, '--dry-run=server')).toEqual({ stdout, stderr: '', exitCode: 0 })
    expect(engine.info().resourceVersion).toBe(rv)
  })

  it('replace: the PUT is dry, the pod keeps its image', () => {
    const engine = seeded()
    const live = engine.get('pods', 'default', 'web')
    const changed = JSON.stringify({ ...live, metadata: { name: 'web', namespace: 'default', labels: { run: 'web', tier: 'fe' } } })
    expect(kubectl(engine, changed, 'replace', '-f', '-', '--dry-run=server')).toEqual({ stdout: 'pod/web replaced (server dry run)\n', stderr: '', exitCode: 0 })
    expect(engine.get('pods', 'default', 'web')).toEqual(live)
  })

  it('a server dry run still meets the server\'s errors: AlreadyExists for a pod that exists', () => {
    const engine = seeded()
    expect(kubectl(engine, '', 'run', 'web', '--image=nginx', '--dry-run=server')).toEqual({ stdout: '', stderr: 'Error from server (AlreadyExists): pods "web" already exists\n', exitCode: 1 })
  })
})
