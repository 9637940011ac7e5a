// kubectl patch on the real engine: each patch type changes the stored object, a patch that changes nothing is
// `patched (no change)` (the API server keeps the object, resourceVersion and all), and a JSON patch that does not
// apply is the API server's Invalid.
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine/engine'
import { engineCluster } from '../../testing/engine-cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

function cluster() {
  const c = engineCluster()
  opened.push(c.engine)
  c.kubectl('create', 'deployment', 'hello', '--image=nginx:1.27', '--replicas=2')
  c.engine.advance(20_000)
  return c
}

describe('kubectl patch on the engine', () => {
  it("a strategic merge patch of one container by name changes that container's image only", () => {
    const { engine, kubectl } = cluster()
    const patch = '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'
    expect(kubectl('patch', 'deployment', 'hello', '-p', patch)).toEqual({ stdout: 'deployment.apps/hello patched\n', stderr: '', exitCode: 0 })
    const d = engine.get('deployments', 'default', 'hello', 'apps') as { spec: { template: { spec: { containers: Array<{ image: string }> } } } }
    expect(d.spec.template.spec.containers.map((c) => c.image)).toEqual(['nginx:1.28'])
  })

  it('the same patch twice: the second is "patched (no change)"', () => {
    const { kubectl } = cluster()
    expect(kubectl('patch', 'deploy', 'hello', '--type=merge', '-p', '{"spec":{"replicas":3}}').stdout).toBe('deployment.apps/hello patched\n')
    expect(kubectl('patch', 'deploy', 'hello', '--type=merge', '-p', '{"spec":{"replicas":3}}').stdout).toBe('deployment.apps/hello patched (no change)\n')
  })

  it('a JSON patch removing a path that is not there is the server\'s Invalid', () => {
    const { kubectl } = cluster()
    const result = kubectl('patch', 'deploy', 'hello', '--type=json', '-p', '[{"op":"remove","path":"/metadata/nope"}]')
    expect(result).toEqual({ stdout: '', stderr: 'The request is invalid: the server rejected our request due to an error in our request\n', exitCode: 1 })
  })
})
