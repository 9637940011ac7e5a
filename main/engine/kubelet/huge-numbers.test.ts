// Numbers from a manifest that reach the clock, a timer or a SQLite column: whatever the manifest says, the
// pod can be created (when the API accepts it), the clock advanced, and the pod deleted (issue 5).

import { describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { openCluster } from '../open-cluster'
import { MYNGINX, pod, tmpFile } from '../testing/cluster'

/** int64 max as a manifest's JSON or YAML number reaches JavaScript: 2^63. */
const INT64_MAX = 9223372036854775807

function withPod(spec: Record<string, unknown>, name = 'p'): Engine {
  const engine = openCluster(tmpFile(), { mode: 'manual' })
  engine.create({ ...MYNGINX, metadata: { name }, spec })
  return engine
}

const sleeper = (...command: string[]) => ({ containers: [{ name: 'c', image: 'busybox', command }] })

function waitingOrTerminated(engine: Engine): string | undefined {
  const state = pod(engine, 'p').status?.containerStatuses?.[0]?.state
  return state?.waiting?.reason ?? state?.terminated?.reason ?? (state?.running ? 'Running' : undefined)
}

describe('busybox sleep with arguments beyond its range (the clock used to freeze: REAL in timers.due_ms)', () => {
  it('exits 1 at once on a number past unsigned long, as busybox does ("invalid number"), and the clock moves on', () => {
    const engine = withPod({ ...sleeper('sleep', '99999999999999999999999999999999'), restartPolicy: 'Never' })
    engine.advance(30_000)
    expect(pod(engine, 'p').status?.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
    engine.advance(60_000)
    engine.delete('pods', 'default', 'p')
    expect(() => pod(engine, 'p')).toThrow(/not found/)
    engine.close()
  })

  it('sleeps past the last instant the cluster can reach without a timer (sleep 18446744073709551615), and is killed on delete', () => {
    const engine = withPod(sleeper('sleep', '18446744073709551615'))
    engine.advance(30_000)
    expect(waitingOrTerminated(engine)).toBe('Running')
    engine.advance(7 * 24 * 3600_000)
    expect(waitingOrTerminated(engine)).toBe('Running')
    engine.delete('pods', 'default', 'p')
    engine.advance(30_000)
    expect(() => pod(engine, 'p')).toThrow(/not found/)
    engine.close()
  })

  it.each([['sleep 1e3'], ['sleep -1'], ['sleep 10x'], ['sleep 1.5.5']])('exits 1 on `sh -c "%s"` (busybox: invalid number)', (script) => {
    const engine = withPod({ ...sleeper('sh', '-c', script), restartPolicy: 'Never' })
    engine.advance(30_000)
    expect(pod(engine, 'p').status?.containerStatuses?.[0]?.state.terminated?.exitCode).toBe(1)
    engine.close()
  })
})

describe('huge grace periods (kubectl delete used to fail with "Invalid time value")', () => {
  it('deletes a pod whose terminationGracePeriodSeconds is 2000000000000000: deletionTimestamp saturates at time.Duration (~292 years)', () => {
    const engine = withPod({ ...sleeper('sleep', 'infinity'), terminationGracePeriodSeconds: 2_000_000_000_000_000 })
    engine.advance(30_000)
    engine.delete('pods', 'default', 'p')
    const terminating = pod(engine, 'p')
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(2_000_000_000_000_000)
    // 2025-01-01T00:00:30Z + 9223372036 s
    expect(terminating.metadata.deletionTimestamp).toBe('2317-04-12T23:47:46Z')
    engine.advance(7 * 24 * 3600_000)
    expect(pod(engine, 'p').metadata.deletionTimestamp).toBe('2317-04-12T23:47:46Z')
    engine.close()
  })

  it('accepts int64 max as terminationGracePeriodSeconds, as the API server does, and deletes with it', () => {
    const engine = withPod({ ...MYNGINX.spec, terminationGracePeriodSeconds: INT64_MAX })
    engine.advance(30_000)
    engine.delete('pods', 'default', 'p')
    engine.advance(5_000)
    // nginx leaves on its stop signal at once; the grace period only bounds the wait.
    expect(() => pod(engine, 'p')).toThrow(/not found/)
    engine.close()
  })

  it('takes DeleteOptions.gracePeriodSeconds = int64 max (kubectl --grace-period=9223372036854775807)', () => {
    const engine = withPod(sleeper('sleep', '3600'))
    engine.advance(30_000)
    engine.delete('pods', 'default', 'p', { gracePeriodSeconds: INT64_MAX })
    expect(pod(engine, 'p').metadata.deletionTimestamp).toBe('2317-04-12T23:47:46Z')
    engine.advance(3600_000)
    expect(() => pod(engine, 'p')).toThrow(/not found/)
    engine.close()
  })

  it('treats a negative DeleteOptions.gracePeriodSeconds as 1 (rest.BeforeDelete), and the kubelet still gives 2 s (minimumGracePeriodInSeconds)', () => {
    const engine = withPod(sleeper('sleep', '3600'))
    engine.advance(30_000)
    engine.delete('pods', 'default', 'p', { gracePeriodSeconds: -7 })
    expect(pod(engine, 'p').metadata).toMatchObject({ deletionGracePeriodSeconds: 1, deletionTimestamp: '2025-01-01T00:00:31Z' })
    engine.advance(1_000)
    expect(pod(engine, 'p').metadata.deletionTimestamp).toBeTruthy()
    engine.advance(1_000)
    expect(() => pod(engine, 'p')).toThrow(/not found/)
    engine.close()
  })

  it('treats a negative spec.terminationGracePeriodSeconds as 1 on delete (podStrategy.CheckGracefulDelete)', () => {
    const engine = withPod({ ...sleeper('sleep', '3600'), terminationGracePeriodSeconds: -5 })
    engine.advance(30_000)
    engine.delete('pods', 'default', 'p')
    expect(pod(engine, 'p').metadata.deletionGracePeriodSeconds).toBe(1)
    engine.close()
  })

  it('restarts a sleeper whose image changed after its huge grace period saturates, without a timer SQLite refuses', () => {
    const engine = withPod({ ...sleeper('sleep', 'infinity'), terminationGracePeriodSeconds: INT64_MAX })
    engine.advance(30_000)
    const running = pod(engine, 'p')
    engine.update({ ...running, spec: { ...running.spec, containers: [{ ...running.spec.containers[0]!, image: 'busybox:1.36' }] } })
    engine.advance(60_000)
    expect(waitingOrTerminated(engine)).toBe('Running')
    engine.close()
  })
})

describe('metadata.deletionTimestamp in a manifest (rest.BeforeCreate clears it)', () => {
  it('is dropped on create, so a pod cannot be born Terminating at year 9999', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, metadata: { name: 'p', deletionTimestamp: '9999-12-31T23:59:59Z', deletionGracePeriodSeconds: 5 } })
    expect(pod(engine, 'p').metadata.deletionTimestamp).toBeUndefined()
    expect(pod(engine, 'p').metadata.deletionGracePeriodSeconds).toBeUndefined()
    engine.advance(30_000)
    expect(waitingOrTerminated(engine)).toBe('Running')
    engine.close()
  })
})
