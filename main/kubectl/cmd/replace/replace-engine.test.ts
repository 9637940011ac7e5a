// kubectl replace on the real engine: a deployment is replaced in place; a scheduled pod from its manifest is the
// API server's Invalid (the manifest lacks nodeName and the mounts the server added, as on a real cluster);
// --force deletes it, waits on the clock, and creates it again.
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine/engine'
import { engineCluster } from '../../testing/engine-cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

const POD = (image: string, tier: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    tier: ${tier}\nspec:\n  containers:\n  - name: web\n    image: ${image}\n`

const DEPLOYMENT = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hello\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: hello\n  template:\n    metadata:\n      labels:\n        app: hello\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n`

function cluster() {
  const c = engineCluster({ 'same.yaml': POD('nginx:1.27', 'be'), 'label.yaml': POD('nginx:1.27', 'fe'), 'new.yaml': POD('nginx:1.28', 'fe'), 'd1.yaml': DEPLOYMENT(1), 'd3.yaml': DEPLOYMENT(3) })
  opened.push(c.engine)
  c.kubectl('create', '-f', 'same.yaml')
  c.engine.advance(20_000)
  return c
}

describe('kubectl replace on the engine', () => {
  it('replaces a deployment in place', () => {
    const { engine, kubectl } = cluster()
    kubectl('create', '-f', 'd1.yaml')
    expect(kubectl('replace', '-f', 'd3.yaml')).toEqual({ stdout: 'deployment.apps/hello replaced\n', stderr: '', exitCode: 0 })
    expect((engine.get('deployments', 'default', 'hello', 'apps').spec as { replicas: number }).replicas).toBe(3)
  })

  it('a scheduled pod from its manifest: the server\'s Forbidden update, as a real cluster answers', () => {
    const { kubectl } = cluster()
    const result = kubectl('replace', '-f', 'label.yaml')
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than/)
  })

  it('--force replaces what a PUT may not change: a new pod with the new spec', () => {
    const { engine, kubectl } = cluster()
    const uid = engine.get('pods', 'default', 'web').metadata.uid
    expect(kubectl('replace', '--force', '--grace-period=0', '-f', 'new.yaml').stdout).toBe('pod "web" deleted\npod/web replaced\n')
    const pod = engine.get('pods', 'default', 'web')
    expect(pod.metadata.uid).not.toBe(uid)
    expect((pod.spec as { containers: Array<{ image: string }> }).containers[0]!.image).toBe('nginx:1.28')
  })
})
