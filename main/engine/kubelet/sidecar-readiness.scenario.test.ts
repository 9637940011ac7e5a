// A sidecar's readiness counts for the pod's ContainersReady and Ready (1.32 GenerateContainersReadyCondition:
// restartable init containers first), through the Engine on the manual clock with containerd's probes.

import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import type { Pod } from '../api/pods/types'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

/** nginx with a busybox sidecar whose readiness probe looks for /tmp/ready, which `touch` makes after `delay` s. */
const withSidecar = (delay: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: {
    initContainers: [
      {
        name: 'proxy',
        image: 'busybox',
        restartPolicy: 'Always',
        command: ['sh', '-c', `sleep ${delay}; touch /tmp/ready; sleep 3600`],
        readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5 },
      },
    ],
    containers: [{ name: 'nginx', image: 'nginx' }],
  },
})
const conditionOf = (engine: Engine, type: string) => (engine.get('pods', 'default', 'web') as Pod).status?.conditions?.find((c) => c.type === type)

describe('a pod whose sidecar is not ready', () => {
  it('stays Ready=False and ContainersReady=False (ContainersNotReady, [proxy]) while its app container runs, and turns True once the sidecar is ready', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    opened.push(engine)
    engine.create(withSidecar(60))
    engine.advance(40_000)
    const expected = { status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [proxy]' }
    expect(conditionOf(engine, 'ContainersReady')).toMatchObject(expected)
    expect(conditionOf(engine, 'Ready')).toMatchObject(expected)
    const row = engine.table('pods', 'default').rows.find((r) => r.cells[0] === 'web')
    expect(row?.cells.slice(1, 3)).toEqual(['1/2', 'Running'])
    engine.advance(40_000)
    expect(conditionOf(engine, 'ContainersReady')?.status).toBe('True')
    expect(conditionOf(engine, 'Ready')?.status).toBe('True')
  })
})
