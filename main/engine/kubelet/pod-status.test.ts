import { describe, expect, it } from 'vitest'
import type { Pod, PodCondition } from '../api/pods/types'
import { ImageResolver } from '../images'
import { buildStatus } from './pod-status'
import type { PodRuntime } from './runtime-state'

/** A pod with a sidecar (restartable init container `proxy`) and an app container, both running. */
const pod = (phase?: 'Running' | 'Failed', reason?: string): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'u1' },
    spec: {
      initContainers: [{ name: 'proxy', image: 'busybox', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'nginx' }],
    },
    status: phase ? { phase, ...(reason ? { reason, message: 'The node was low on resource: memory. ' } : {}) } : {},
  }) as unknown as Pod

const running = (containerId: string) => ({ stage: 'running' as const, restartCount: 0, containerId, startedAt: 0, cri: true as const })
const rt = (): PodRuntime => ({
  uid: 'u1',
  seenAt: 0,
  sandboxReadyAt: 0,
  ip: '10.244.1.5',
  containers: { app: running('a') },
  initContainers: { proxy: running('b') },
})
const conditionOf = (conditions: PodCondition[] | undefined, type: string) => conditions?.find((c) => c.type === type)

describe('GenerateContainersReadyCondition (pkg/kubelet/status/generate.go, 1.32)', () => {
  it("counts a sidecar's readiness: a running sidecar whose readiness probe fails keeps ContainersReady and Ready False", () => {
    const status = buildStatus(pod(), rt(), '172.18.0.2', 1000, new ImageResolver(), false, { proxy: { started: true, ready: false }, app: { started: true, ready: true } })
    const expected = { status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [proxy]' }
    expect(conditionOf(status.conditions, 'ContainersReady')).toMatchObject(expected)
    expect(conditionOf(status.conditions, 'Ready')).toMatchObject(expected)
    expect(conditionOf(status.conditions, 'Initialized')?.status).toBe('True')
  })

  it('lists unready sidecars before unready app containers, and is True once both are ready', () => {
    const unready = buildStatus(pod(), rt(), '172.18.0.2', 1000, new ImageResolver(), false, { proxy: { started: true, ready: false }, app: { started: true, ready: false } })
    expect(conditionOf(unready.conditions, 'ContainersReady')?.message).toBe('containers with unready status: [proxy app]')
    const ready = buildStatus(pod(), rt(), '172.18.0.2', 1000, new ImageResolver(), false, { proxy: { started: true, ready: true }, app: { started: true, ready: true } })
    expect(conditionOf(ready.conditions, 'ContainersReady')?.status).toBe('True')
    expect(conditionOf(ready.conditions, 'Ready')?.status).toBe('True')
  })
})

describe("generateAPIPodStatus's terminal phase (pkg/kubelet/kubelet_pods.go)", () => {
  it('keeps a phase the API shows Failed (an evicted pod) with its reason and message, not ready with reason PodFailed, even while its containers still run', () => {
    const status = buildStatus(pod('Failed', 'Evicted'), rt(), '172.18.0.2', 1000, new ImageResolver())
    expect(status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory. ' })
    expect(conditionOf(status.conditions, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'PodFailed' })
    expect(conditionOf(status.conditions, 'ContainersReady')?.message).toBeUndefined()
    expect(conditionOf(status.conditions, 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' })
  })

  it('drops a reason that went with another phase', () => {
    const status = buildStatus({ ...pod(), status: { phase: 'Pending', reason: 'Something' } } as Pod, rt(), '172.18.0.2', 1000, new ImageResolver())
    expect(status.phase).toBe('Running')
    expect(status.reason).toBeUndefined()
  })
})
