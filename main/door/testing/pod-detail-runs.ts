// Real engine runs for the pod detail's tests (door, presenters, timeline wording): a crash-looping busybox and
// the docs' liveness-exec example (kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/),
// advanced `seconds` of virtual time on a fresh cluster file.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PodDetail } from '../../contract'
import type { Engine } from '../../engine'
import { openCluster } from '../../engine'
import { podDetail } from '../pod-detail'

export const CRASH_LOOP_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'crash', labels: { app: 'crash' } },
  spec: { containers: [{ name: 'busybox', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] },
}

/** The docs' exec-liveness.yaml, as the learner pastes it. */
export const LIVENESS_EXEC_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'liveness-exec', labels: { test: 'liveness' } },
  spec: {
    containers: [
      {
        name: 'liveness',
        image: 'registry.k8s.io/busybox',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
      },
    ],
  },
}

export function openTestEngine(): Engine {
  return openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-pod-detail-')), 'c.podlab'), { mode: 'manual' })
}

/** Creates `pod`, runs the clock `seconds` forward and returns its detail; the engine is closed after. */
export function detailAfter(pod: { metadata: { name: string }; [field: string]: unknown }, seconds: number): PodDetail {
  const engine = openTestEngine()
  try {
    engine.create(pod)
    engine.advance(seconds * 1000)
    return podDetail(engine, 'default', pod.metadata.name)
  } finally {
    engine.close()
  }
}
