// kubectl scale on the real engine: the deployment's replicas change and its ReplicaSet's pods follow on the
// clock; a stale --current-replicas changes nothing; a pod has no scale subresource.
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

const replicas = (engine: Engine) => (engine.get('deployments', 'default', 'hello', 'apps').spec as { replicas: number }).replicas
const pods = (engine: Engine) => engine.list('pods', 'default', { labelSelector: 'app=hello' }).items.filter((p) => !p.metadata.deletionTimestamp).length

describe('kubectl scale on the engine', () => {
  it('scales the deployment; the ReplicaSet makes the pods', () => {
    const { engine, kubectl } = cluster()
    expect(kubectl('scale', 'deployment', 'hello', '--replicas=4')).toEqual({ stdout: 'deployment.apps/hello scaled\n', stderr: '', exitCode: 0 })
    expect(replicas(engine)).toBe(4)
    engine.advance(10_000)
    expect(pods(engine)).toBe(4)
  })

  it('--current-replicas that does not hold refuses in the scaler\'s words and changes nothing', () => {
    const { engine, kubectl } = cluster()
    expect(kubectl('scale', 'deploy/hello', '--replicas=4', '--current-replicas=3')).toEqual({ stdout: '', stderr: 'error: Expected replicas to be 3, was 2\n', exitCode: 1 })
    expect(kubectl('scale', 'deploy/hello', '--replicas=1', '--current-replicas=2').exitCode).toBe(0)
    expect(replicas(engine)).toBe(1)
  })

  it('a pod has no scale subresource: the API server\'s NotFound', () => {
    const { kubectl } = cluster()
    kubectl('run', 'web', '--image=nginx')
    expect(kubectl('scale', 'pod', 'web', '--replicas=2').stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n')
  })
})
