// The restart back-off of a container the kubelet kills for failing its liveness probe (issue 8), through the
// Engine on the manual clock with the docs' exec liveness example: doBackOff measures from the instance before
// the killed one (pod-actions.ts afterReplacingKill), so the first restarts come at once, about every 75 s.

import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

// docs: tasks/configure-pod-container/configure-liveness-readiness-startup-probes, "Define a liveness command".
const livenessExec = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'liveness-exec', labels: { test: 'liveness' } },
  spec: {
    containers: [
      {
        name: 'liveness',
        image: 'registry.k8s.io/busybox:1.27.2',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
      },
    ],
  },
}

/** When each instance of the container started (s after the first), and the back-offs it waited (ms). */
function lifeOf(engine: Engine): { starts: number[]; backOffs: number[] } {
  const timeline = engine.timeline('default', 'liveness-exec')
  const started = timeline.filter((t) => t.to === 'running').map((t) => t.at)
  return {
    starts: started.map((at) => Math.round((at - started[0]!) / 1000)),
    backOffs: timeline.flatMap((t) => (t.cause.kind === 'back-off' ? [t.cause.delayMs] : [])),
  }
}

describe("the docs' exec liveness example: restarts after liveness kills", () => {
  it('restarts at once about every 75 s for the first five kills (no CrashLoopBackOff), then waits the 80 s back-off, and 160 s after that', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    opened.push(engine)
    engine.create(livenessExec)
    engine.advance(10 * 60_000)
    const { starts, backOffs } = lifeOf(engine)
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!)
    // Each instance: healthy 30 s, three failures 5 s apart, then the 30 s grace (sh as PID 1 ignores SIGTERM).
    expect(gaps.slice(0, 5).every((g) => g >= 65 && g <= 80)).toBe(true)
    // The sixth: 80 s (10, 20, 40, 80 after the second, third, fourth, fifth) is more than the ~40 s from the
    // fifth instance's start to its kill: CrashLoopBackOff 80 s from its end; then the seventh waits 160 s.
    expect(gaps[5]).toBe(gaps[4]! + 80)
    expect(backOffs).toEqual([80_000, 160_000])
  })
})
