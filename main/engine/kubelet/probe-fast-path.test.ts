// The prober's fast path (kubelet.ts probeOnly): a probe tick whose results change nothing ends without the
// full pod sync, and the cluster it leaves is the one a full sync at every tick leaves: a run closed and opened
// again between ticks (each reopened process syncs every pod in full first) gives the same objects and history.
import { describe, expect, it } from 'vitest'
import { Containerd } from '../containerd/containerd'
import { executableFor } from '../programs'
import { openCluster } from '../open-cluster'
import Database from 'better-sqlite3'
import { pod, tmpFile } from '../testing/cluster'
import type { HostEngine } from '../engine'

const probe = (extra: Record<string, unknown>) => ({ periodSeconds: 10, ...extra })
const PODS = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: {
      containers: [
        { name: 'nginx', image: 'nginx:1.27', livenessProbe: probe({ httpGet: { path: '/', port: 80 } }), readinessProbe: probe({ httpGet: { path: '/', port: 80 } }) },
      ],
    },
  },
  {
    // Healthy for 45 s, then its liveness probe fails three times and the kubelet restarts it.
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'sick' },
    spec: {
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sh', '-c', 'touch /tmp/healthy; sleep 45; rm /tmp/healthy; sleep 3600'],
          livenessProbe: probe({ exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 }),
          readinessProbe: probe({ exec: { command: ['cat', '/tmp/healthy'] } }),
        },
      ],
    },
  },
]

/**
 * What the cluster says: its objects, their history (statuses, events) and the commands, as JSON. Not the timers'
 * sequence numbers nor how far containerd last ran a pod (runAt, saved only with a change): bookkeeping that
 * a process's memory decides.
 */
function clusterOf(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    return JSON.stringify(['objects', 'history', 'commands'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()))
  } finally {
    db.close()
  }
}

/** Runs the scenario for `seconds` in `advance` steps of `step` seconds, closing and opening the file again after each when `reopen`. */
function run(seconds: number, step: number, reopen: boolean): { cluster: string; restarts: number | undefined } {
  const path = tmpFile()
  let engine: HostEngine = openCluster(path, { mode: 'manual', seed: '8' })
  for (const p of PODS) engine.create(p)
  for (let t = 0; t < seconds; t += step) {
    engine.advance(step * 1000)
    if (reopen) {
      engine.close()
      engine = openCluster(path, { mode: 'manual' })
    }
  }
  const restarts = pod(engine, 'sick').status?.containerStatuses?.[0]?.restartCount
  engine.close()
  return { cluster: clusterOf(path), restarts }
}

/** containerd counting the kubelet's looks at a container's status (GetPodStatus at the start of a full sync). */
class CountingContainerd extends Containerd {
  looks = 0
  override status(node: string, containerId: string): ReturnType<Containerd['status']> {
    this.looks++
    return super.status(node, containerId)
  }
}

describe('the prober fast path', () => {
  it('a run closed and reopened every 7 s (full syncs) leaves the same objects, history and commands as one run (probe ticks on the fast path)', () => {
    const continuous = run(140, 7, false)
    expect(continuous.restarts).toBeGreaterThan(0)
    expect(run(140, 7, true)).toEqual(continuous)
  }, 120_000)

  it('once a pod is steady, its probe ticks look at no container status: 60 s of probes every 10 s cost no full sync', () => {
    let runtime: CountingContainerd | undefined
    const engine = openCluster(tmpFile(), { mode: 'manual', runtime: (world) => (runtime = new CountingContainerd(world, executableFor)) })
    engine.create(PODS[0]!)
    engine.advance(40_000)
    expect(pod(engine, 'web').status?.containerStatuses?.[0]?.ready).toBe(true)
    runtime!.looks = 0
    const rv = pod(engine, 'web').metadata.resourceVersion
    engine.advance(60_000)
    expect(runtime!.looks).toBe(0)
    expect(pod(engine, 'web').metadata.resourceVersion).toBe(rv)
    engine.close()
  })
})
