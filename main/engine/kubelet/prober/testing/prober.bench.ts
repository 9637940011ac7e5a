// `npx vitest bench --run main/engine/kubelet/prober`: the prober's steady-state cost per pod sync with
// node_state in a real cluster file (SQLite) and a fake runtime answering at once: 10,000 pods, each with an
// exec liveness and an httpGet readiness probe every 10 s, all passing (what a settled cluster does).

import { bench, describe } from 'vitest'
import type { Pod } from '../../../api/pods/types'
import { bareWorld } from '../../../testing/bare-world'
import { ProbeManager, type ProberHost, type ProbedContainer } from '../prober-manager'
import { FakeRuntime } from './fake-runtime'

const PODS = 10_000
const world = bareWorld()
let now = 0
const runtime = new FakeRuntime(() => now, {
  exec: () => ({ exitCode: 0, stdout: '', stderr: '' }),
  serve: { 80: () => ({ status: 200, headers: {}, body: '' }) },
})
const manager = new ProbeManager(world.nodeState)
const host: ProberHost = {
  runtime,
  node: 'podlab-worker',
  podIp: '10.244.1.5',
  kubeletStartedAt: -3_600_000,
  random: () => 0.5,
  newExecId: () => '0'.repeat(64),
  record: () => {},
}
const pods: Array<{ pod: Pod; views: ProbedContainer[] }> = Array.from({ length: PODS }, (_, i) => ({
  pod: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', uid: `uid-${i}` },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
        },
      ],
    },
  },
  views: [{ name: 'nginx', containerId: `c${i}`, startedAt: 0 }],
}))

// As the engine does: every sync of an `advance` inside one transaction.
const tick = world.db.transaction(() => {
  for (const p of pods) manager.sync(p.pod, p.views, host, now)
})

// Warm up to the steady state: workers made, the first results in.
for (const t of [0, 10_000, 20_000]) {
  now = t
  tick()
}

// CPU time rather than wall time: the machine may be busy with other work.
const cpu = process.cpuUsage()
for (let i = 0; i < 5; i++) {
  now += 10_000
  runtime.calls.length = 0
  tick()
}
const used = process.cpuUsage(cpu)
const perSyncUs = (used.user + used.system) / (5 * PODS)
console.log(`prober: ${perSyncUs.toFixed(1)} µs CPU per pod sync (2 probes); 10,000 pods every 10 s at 1x: ${(perSyncUs * PODS / 10_000 / 10).toFixed(2)}% of a core`)

describe('prober steady state', () => {
  bench(`${PODS} pods, one tick each (liveness exec + readiness httpGet)`, () => {
    now += 10_000
    runtime.calls.length = 0
    tick()
  }, { iterations: 5, warmupIterations: 0 })
})
