// The prober wired into the kubelet (kubelet.ts, pod-actions.ts, pod-status.ts), through a fake runtime until
// containerd's is merged: readiness drives READY and the Ready/ContainersReady conditions; a liveness failure
// gets the container killed and restarted with the Unhealthy and Killing events.

import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { eventsFor, pod, row } from '../../testing/cluster'
import { probedCluster } from './testing/probed-runtime'

const clusterWith = probedCluster

const nginx = (probes: object): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], ...probes }] },
})

describe('the prober in the kubelet', () => {
  it('keeps READY 0/1 and Ready False (ContainersNotReady) until the readiness probe passes after its delay', () => {
    const engine = clusterWith({ serve: { 80: () => ({ status: 200, headers: {}, body: '' }) } })
    engine.create(nginx({ readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 20, periodSeconds: 5 } }))
    engine.advance(15_000)
    expect(row(engine, 'web')).toMatch(/^web \| 0\/1 \| Running \| 0 \| /)
    const conditions = pod(engine, 'web').status?.conditions ?? []
    expect(conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' })
    expect(pod(engine, 'web').status?.containerStatuses?.[0]).toMatchObject({ ready: false, started: true })
    engine.advance(15_000)
    expect(row(engine, 'web')).toMatch(/^web \| 1\/1 \| Running \| 0 \| /)
    expect(pod(engine, 'web').status?.conditions?.find((c) => c.type === 'ContainersReady')?.status).toBe('True')
    engine.close()
  })

  it('kills a container that fails its liveness probe three times and starts it again', () => {
    const engine = clusterWith({})
    engine.create(nginx({ livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 } }))
    engine.advance(40_000)
    const events = eventsFor(engine, 'web').filter((e) => e.reason === 'Unhealthy' || e.reason === 'Killing')
    // Both kills restart at once (doBackOff finds no exited instance before the second kill's pod status, and none
    // in back-off at it: pod-actions.ts afterReplacingKill), so a third instance is probed within the 40 s.
    const reasons = events.map((e) => [e.reason, e.count, e.message])
    expect(reasons).toContainEqual(['Unhealthy', 7, "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n"])
    expect(reasons).toContainEqual(['Killing', 2, 'Container nginx failed liveness probe, will be restarted'])
    expect(reasons).toHaveLength(2)
    expect(events[0]?.involvedObject?.fieldPath).toBe('spec.containers{nginx}')
    expect(pod(engine, 'web').status?.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(1)
    engine.close()
  })
})
