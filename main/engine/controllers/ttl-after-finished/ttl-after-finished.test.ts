import { describe, expect, it } from 'vitest'
import type { Job } from '../../api/batch/types'
import { isApiError } from '../../api/errors'
import type { Engine } from '../../engine'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'

const job = (name: string, command: string[], ttl?: number) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: {
    ...(ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl }),
    backoffLimit: 0,
    template: { spec: { containers: [{ name: 'c', image: 'busybox', command }], restartPolicy: 'Never' } },
  },
})

const exists = (engine: Engine, name: string) => {
  try {
    engine.get('jobs', 'default', name)
    return true
  } catch (e) {
    if (isApiError(e) && e.reason === 'NotFound') return false
    throw e
  }
}
const finishedAt = (engine: Engine, name: string) =>
  Date.parse((engine.get('jobs', 'default', name) as Job).status?.conditions?.find((c) => c.type === 'Complete' || c.type === 'Failed')?.lastTransitionTime ?? '')

describe('TTL-after-finished controller (pkg/controller/ttlafterfinished)', () => {
  it('deletes a completed Job ttlSecondsAfterFinished after its Complete condition, not a second earlier', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(job('done', ['true'], 30))
    engine.advance(20_000)
    const finished = finishedAt(engine, 'done')
    expect(Number.isNaN(finished)).toBe(false)
    engine.advance(finished + 29_999 - engine.clock().nowMs)
    expect(exists(engine, 'done')).toBe(true)
    engine.advance(1)
    expect(exists(engine, 'done')).toBe(false)
    engine.close()
  })

  it('deletes a failed Job too, and leaves a Job without a TTL', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(job('failed', ['false'], 0))
    engine.create(job('kept', ['true']))
    engine.advance(60_000)
    expect(exists(engine, 'failed')).toBe(false)
    expect(exists(engine, 'kept')).toBe(true)
    engine.close()
  })
})
