// kubectl set on the real engine: set image rolls the deployment out to the new image (a second ReplicaSet),
// set env and set resources change the pod template the next pods are made from.
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine/engine'
import { engineCluster } from '../../testing/engine-cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

function cluster() {
  const c = engineCluster()
  opened.push(c.engine)
  c.kubectl('create', 'deployment', 'hello', '--image=nginx:1.27', '--replicas=2')
  c.engine.advance(30_000)
  return c
}

type Spec = { spec: { template: { spec: { containers: Array<{ image: string; env?: unknown; resources?: unknown }> } } } }
const container = (engine: Engine) => (engine.get('deployments', 'default', 'hello', 'apps') as unknown as Spec).spec.template.spec.containers[0]!

describe('kubectl set on the engine', () => {
  it('set image: `image updated`, and the deployment rolls out a new ReplicaSet with it', () => {
    const { engine, kubectl } = cluster()
    expect(kubectl('set', 'image', 'deployment/hello', 'nginx=nginx:1.28')).toEqual({ stdout: 'deployment.apps/hello image updated\n', stderr: '', exitCode: 0 })
    engine.advance(60_000)
    const images = engine.list('pods', 'default', { labelSelector: 'app=hello' }).items.map((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0]!.image)
    expect(images).toEqual(['nginx:1.28', 'nginx:1.28'])
    expect(engine.list('replicasets', 'default', undefined, 'apps').items).toHaveLength(2)
    // The same image again changes nothing and prints nothing, as kubectl skips an empty patch.
    expect(kubectl('set', 'image', 'deployment/hello', 'nginx=nginx:1.28')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  it('set env and set resources change the template', () => {
    const { engine, kubectl } = cluster()
    expect(kubectl('set', 'env', 'deployment/hello', 'MODE=prod').stdout).toBe('deployment.apps/hello env updated\n')
    expect(kubectl('set', 'resources', 'deployment/hello', '--limits=cpu=0.5,memory=256Mi').stdout).toBe('deployment.apps/hello resource requirements updated\n')
    expect(container(engine)).toMatchObject({ env: [{ name: 'MODE', value: 'prod' }], resources: { limits: { cpu: '500m', memory: '256Mi' } } })
  })
})
