// kubectl apply --server-side on the real engine: the managers an object ends with are those the real kubectl
// 1.32 left through the REST door (main/kubeapi/apply.test.ts), client-side-apply upgrade included.
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine/engine'
import { engineCluster } from '../../testing/engine-cluster'
import { CONFLICT_HINT } from './server-side'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

const manifest = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: ${image}\n`

function cluster(files: Record<string, string>) {
  const c = engineCluster(files)
  opened.push(c.engine)
  return c
}

type Entry = { manager: string; operation: string; subresource?: string; fieldsV1: unknown; time?: string }
const entries = (engine: Engine) => (engine.get('pods', 'default', 'web').metadata.managedFields as Entry[]).filter((e) => !e.subresource)

describe('kubectl apply --server-side on the engine', () => {
  it('moves a client-side applied pod to `kubectl` after --force-conflicts, keeping the annotation under kubectl-last-applied', () => {
    const { engine, kubectl } = cluster({ 'v1.yaml': manifest('nginx:1.26'), 'v2.yaml': manifest('nginx:1.28'), 'v3.yaml': manifest('nginx:1.27') })
    expect(kubectl('apply', '-f', 'v1.yaml').stdout).toBe('pod/web created\n')
    engine.advance(10_000)
    expect(kubectl('apply', '-f', 'v2.yaml').stdout).toBe('pod/web configured\n')
    expect(kubectl('apply', '--server-side', '-f', 'v3.yaml')).toEqual({
      stdout: '',
      stderr: `error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.containers[name="nginx"].image\n${CONFLICT_HINT}\n`,
      exitCode: 1,
    })
    expect(kubectl('apply', '--server-side', '--force-conflicts', '-f', 'v3.yaml')).toEqual({ stdout: 'pod/web serverside-applied\n', stderr: '', exitCode: 0 })
    // As the real kubectl 1.32 leaves it: the annotation under its own Apply manager (no time: that apply changed
    // nothing), no client-side manager; after the upgrade's re-apply `kubectl` owns exactly its configuration (the
    // client-side manager's defaulted fields it took over were pruned and defaulted again, owned by nobody).
    expect(entries(engine).map((e) => `${e.manager}/${e.operation}`)).toEqual(['kubectl-last-applied/Apply', 'kubectl/Apply'])
    expect(entries(engine)[0]!.time).toBeUndefined()
    expect(entries(engine)[1]!.fieldsV1).toEqual({ 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } })
    const pod = engine.get('pods', 'default', 'web') as { metadata: { annotations?: Record<string, string> }; spec: { containers: Array<{ image: string; imagePullPolicy: string }> } }
    expect(pod.spec.containers[0]).toMatchObject({ image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' })
    expect(pod.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain('nginx:1.28')
    // Applied again, nothing moves and nothing is said.
    expect(kubectl('apply', '--server-side', '-f', 'v3.yaml')).toEqual({ stdout: 'pod/web serverside-applied\n', stderr: '', exitCode: 0 })
  })

  it('upgrades into a custom --field-manager too, without keeping the annotation (kubectl keeps it for `kubectl` only)', () => {
    const { engine, kubectl } = cluster({ 'v1.yaml': manifest('nginx:1.26') })
    kubectl('apply', '-f', 'v1.yaml')
    expect(kubectl('apply', '--server-side', '--field-manager=mine', '-f', 'v1.yaml').exitCode).toBe(0)
    expect(entries(engine).map((e) => e.manager)).toEqual(['mine'])
    expect(engine.get('pods', 'default', 'web').metadata.annotations).toBeUndefined()
  })
})
