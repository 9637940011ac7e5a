// The kubelet's env, envFrom and volumes from ConfigMaps and Secrets (release-1.32 kubelet_pods.go
// makeEnvironmentVariables, kuberuntime startContainer's CreateContainerConfigError, the volume manager's
// FailedMount), end to end through the engine and kubectl get, and the resolution itself.
import { describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { runKubectl } from '../../kubectl/run-kubectl'
import { eventsFor, manualClusters, pod } from '../testing/cluster'
import type { Pod } from '../api/pods/types'
import { expand, resolveEnv, type ConfigSource } from './container-config'
import { readPodRuntime, runtimeKey } from './runtime-state'

const cluster = manualClusters()

const podWith = (name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx', ...container }], ...spec },
})

const getPods = (engine: Engine): string => runKubectl(['get', 'pods'], { engine, readFile: () => '', readStdin: () => '' }).stdout

const BACKEND = podWith('backend', { env: [{ name: 'USER', valueFrom: { secretKeyRef: { name: 'backend-user', key: 'backend-username' } } }] })

describe('a container whose env reads a Secret that does not exist (the issue 7 user case)', () => {
  it('shows 0/1 CreateContainerConfigError with the kubelet\'s message and event, and starts once the Secret exists', () => {
    const engine = cluster()
    engine.create(BACKEND)
    engine.advance(20_000)
    expect(getPods(engine)).toBe('NAME      READY   STATUS                       RESTARTS   AGE\nbackend   0/1     CreateContainerConfigError   0          20s\n')
    const p = pod(engine, 'backend')
    expect(p.status?.phase).toBe('Pending')
    expect(p.status?.containerStatuses?.[0]?.state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'secret "backend-user" not found' })
    const failed = eventsFor(engine, 'backend').filter((e) => e.reason === 'Failed')
    expect(failed.map((e) => [e.type, e.message, e.involvedObject?.fieldPath])).toEqual([['Warning', 'Error: secret "backend-user" not found', 'spec.containers{app}']])
    // Retried as the pod worker backs off after a sync error (10s, jitter up to 50%): counted, not repeated.
    engine.advance(15_000)
    const again = eventsFor(engine, 'backend').filter((e) => e.reason === 'Failed')
    expect(again.length).toBe(1)
    expect(again[0]!.count).toBeGreaterThanOrEqual(2)

    engine.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'backend-user' }, stringData: { 'backend-username': 'admin' } })
    engine.advance(16_000)
    expect(getPods(engine)).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nbackend +1\/1 +Running +0 +51s\n$/)
    const rt = readPodRuntime(engine_nodeState(engine, p))
    expect(rt?.containers.app).toMatchObject({ stage: 'running', env: [{ name: 'USER', value: 'admin' }] })
  })

  it('says which key is missing, and a ConfigMap as `configmap`', () => {
    const engine = cluster()
    engine.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'backend-user' }, stringData: { other: 'x' } })
    engine.create(BACKEND)
    engine.create(podWith('cm', { envFrom: [{ configMapRef: { name: 'settings' } }] }))
    engine.advance(20_000)
    expect(pod(engine, 'backend').status?.containerStatuses?.[0]?.state.waiting?.message).toBe('couldn\'t find key backend-username in Secret default/backend-user')
    expect(pod(engine, 'cm').status?.containerStatuses?.[0]?.state.waiting?.message).toBe('configmap "settings" not found')
  })

  it('honours optional refs: a missing optional Secret or key is skipped and the container runs', () => {
    const engine = cluster()
    engine.create(
      podWith('opt', {
        env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'nope', key: 'k', optional: true } } }],
        envFrom: [{ configMapRef: { name: 'nope', optional: true } }],
      }),
    )
    engine.advance(30_000)
    expect(pod(engine, 'opt').status?.phase).toBe('Running')
  })
})

describe('a pod whose volume reads a ConfigMap that does not exist', () => {
  it('stays ContainerCreating with FailedMount events, and starts once the ConfigMap exists', () => {
    const engine = cluster()
    engine.create(podWith('vol', { volumeMounts: [{ name: 'config', mountPath: '/etc/app' }] }, { volumes: [{ name: 'config', configMap: { name: 'app-config' } }] }))
    engine.advance(20_000)
    expect(getPods(engine)).toBe('NAME   READY   STATUS              RESTARTS   AGE\nvol    0/1     ContainerCreating   0          20s\n')
    const mounts = eventsFor(engine, 'vol').filter((e) => e.reason === 'FailedMount')
    expect(mounts.map((e) => [e.type, e.message, e.involvedObject?.fieldPath])).toEqual([
      ['Warning', 'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found', undefined],
    ])
    // Retries after 0.5s, 1s, 2s, 4s, 8s: six attempts in the first 20s.
    expect(mounts[0]!.count).toBe(6)
    expect(pod(engine, 'vol').status?.podIP).toBeUndefined()

    engine.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { a: '1' } })
    engine.advance(30_000)
    expect(pod(engine, 'vol').status?.phase).toBe('Running')
  })

  it('mounts an optional source that does not exist, and names a missing item key as the volume plugin does', () => {
    const engine = cluster()
    engine.create(podWith('opt', {}, { volumes: [{ name: 'o', secret: { secretName: 'nope', optional: true } }] }))
    engine.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } })
    engine.create(podWith('items', {}, { volumes: [{ name: 'p', projected: { sources: [{ configMap: { name: 'c', items: [{ key: 'b', path: 'b' }] } }] } }] }))
    engine.advance(30_000)
    expect(pod(engine, 'opt').status?.phase).toBe('Running')
    expect(eventsFor(engine, 'items').find((e) => e.reason === 'FailedMount')?.message).toBe(
      'MountVolume.SetUp failed for volume "p" : configmap references non-existent config key: b',
    )
  })
})

describe('resolveEnv (makeEnvironmentVariables)', () => {
  const source: ConfigSource = {
    configMap: (_ns, name) => (name === 'cm' ? { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { HOST: 'db', 'bad key': 'x' } } : undefined),
    secret: () => undefined,
  }
  const base = podWith('p', {}) as unknown as Pod

  it('takes envFrom first (prefixed, every key: 1.32 no longer skips invalid names), then env over it, expanding $(VAR)', () => {
    const container = {
      name: 'app',
      envFrom: [{ prefix: 'CM_', configMapRef: { name: 'cm' } }],
      env: [{ name: 'URL', value: 'http://$(CM_HOST):80/$$(CM_HOST)/$(NONE)' }, { name: 'CM_HOST', value: 'over' }],
    }
    expect(resolveEnv({ ...base, metadata: { name: 'p', namespace: 'default' } }, container, source)).toEqual({
      ok: true,
      env: [
        { name: 'CM_HOST', value: 'over' },
        { name: 'CM_bad key', value: 'x' },
        { name: 'URL', value: 'http://db:80/$(CM_HOST)/$(NONE)' },
      ],
    })
  })

  it('expands as expansion.Expand does (third_party/forked/golang/expansion tests)', () => {
    const vars = { VAR_A: 'A', VAR_B: 'B', VAR_EMPTY: '' }
    expect(expand('$(VAR_A)', vars)).toBe('A')
    expect(expand('___$(VAR_B)___', vars)).toBe('___B___')
    expect(expand('$(VAR_A)-$(VAR_A)', vars)).toBe('A-A')
    expect(expand('$$(VAR_B)_$(VAR_A)', vars)).toBe('$(VAR_B)_A')
    expect(expand('$(VAR_EMPTY)', vars)).toBe('')
    expect(expand('$(VAR_DNE)', vars)).toBe('$(VAR_DNE)')
    expect(expand('$(VAR_A', vars)).toBe('$(VAR_A')
    expect(expand('$VAR_A', vars)).toBe('$VAR_A')
    expect(expand('f00__(VAR_A)__', vars)).toBe('f00__(VAR_A)__')
    expect(expand('$$$$$$(BIG_MONEY)', vars)).toBe('$$$(BIG_MONEY)')
    expect(expand('$', vars)).toBe('$')
  })
})

function engine_nodeState(engine: Engine, p: Pod): unknown {
  return (engine as unknown as { world: { nodeState: { get(n: string, k: string): unknown } } }).world.nodeState.get(p.spec.nodeName ?? '', runtimeKey('default', p.metadata.name ?? ''))
}
