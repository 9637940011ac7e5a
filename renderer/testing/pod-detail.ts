// Issue 11 item 3: a pods.detail answer for component and store tests: a pod `name` with one busybox container
// in CrashLoopBackOff after one restart, shaped as the door sends it (main/contract/pod-detail.ts).

import type { PodDetail } from '../../main/contract'

export function crashLoopDetail(name = 'crash', now = Date.parse('2025-01-01T00:01:00Z')): PodDetail {
  const at = (s: number) => Date.parse('2025-01-01T00:00:00Z') + s * 1000
  return {
    pod: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: name } },
      spec: { nodeName: 'podlab-worker', containers: [{ name: 'busybox', image: 'busybox' }] },
      status: {
        phase: 'Running',
        hostIP: '172.18.0.3',
        podIP: '10.244.1.2',
        startTime: '2025-01-01T00:00:00Z',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          {
            name: 'busybox',
            ready: false,
            restartCount: 2,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=busybox' } },
            lastState: { terminated: { reason: 'Error', exitCode: 1, startedAt: '2025-01-01T00:00:01Z', finishedAt: '2025-01-01T00:00:01Z' } },
          },
        ],
      },
    },
    yaml: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`,
    qosClass: 'BestEffort',
    controlledBy: '',
    probes: { busybox: {} },
    events: [{ type: 'Warning', reason: 'BackOff', age: '50s', from: 'kubelet', message: 'Back-off restarting failed container busybox', count: 1, firstAt: at(1), lastAt: at(1) }],
    timeline: [
      { container: 'busybox', containerId: 'a', at: at(0), from: 'waiting', to: 'running', reason: '', cause: { kind: 'started' } },
      { container: 'busybox', containerId: 'a', at: at(0.5), from: 'running', to: 'terminated', reason: 'Error', exitCode: 1, cause: { kind: 'exited', exitCode: 1 } },
      { container: 'busybox', containerId: 'b', at: at(0.7), from: 'terminated', to: 'running', reason: '', cause: { kind: 'started' } },
      { container: 'busybox', containerId: 'b', at: at(1), from: 'running', to: 'terminated', reason: 'Error', exitCode: 1, cause: { kind: 'exited', exitCode: 1 } },
      { container: 'busybox', containerId: 'b', at: at(1), from: 'terminated', to: 'waiting', reason: 'CrashLoopBackOff', cause: { kind: 'back-off', delayMs: 10_000 } },
    ],
    dropped: { timeline: 0, events: 0 },
    now,
  }
}
