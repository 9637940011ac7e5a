import { describe, expect, it } from 'vitest'
import type { Job } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import { backoffRecord, remainingBackoffMs } from './backoff'

const S = 1000
const NOW = Date.parse('2025-01-01T01:00:00Z')

// TestGetRemainingBackoffTime (pkg/controller/job/backoff_utils_test.go): default 5 s, max 700 s unless said.
describe('remainingBackoffMs (getRemainingTimeForFailuresCount)', () => {
  it.each([
    ['no failures', 0, 0, 700, 0],
    ['one failure; now is the failure time', 1, 0, 700, 5],
    ['one failure; now is 1 s after the failure', 1, 1, 700, 4],
    ['one failure; now is the expected back-off time', 1, 5, 700, 0],
    ['one failure; 1 s past the back-off time', 1, 6, 700, 0],
    ['multiple failures; now is the failure time', 3, 0, 700, 20],
    ['multiple failures; now is 1 s after the failure', 3, 1, 700, 19],
    ['multiple failures; now is the expected back-off time', 3, 20, 700, 0],
    ['multiple failures; 1 s past the back-off time', 3, 21, 700, 0],
    ['multiple failures; the back-off is capped', 3, 0, 15, 15],
  ])('%s', (_name, failures, sinceFailureS, maxS, wantS) => {
    const record = { failuresAfterLastSuccess: failures, lastFailureMs: failures ? NOW - sinceFailureS * S : undefined }
    expect(remainingBackoffMs(record, NOW, 5 * S, maxS * S)).toBe(wantS * S)
  })

  it('defaults to 10 s doubling per failure, capped at 6 minutes', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => remainingBackoffMs({ failuresAfterLastSuccess: n, lastFailureMs: NOW }, NOW) / S)
    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 360, 360])
  })
})

const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { containers: [] } } } } as unknown as Job
const pod = (phase: 'Succeeded' | 'Failed' | 'Running', finishedS: number): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${finishedS}`, creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { containers: [] },
    status: {
      phase,
      containerStatuses:
        phase === 'Running' ? [] : [{ name: 'c', restartCount: 0, state: { terminated: { exitCode: phase === 'Failed' ? 1 : 0, finishedAt: new Date(NOW + finishedS * S).toISOString().replace('.000', '') } } }],
    },
  }) as unknown as Pod

// TestNewBackoffRecord's cases, as a record derived from the Job's finished pods.
describe('backoffRecord (newBackoffRecord)', () => {
  it('counts the failures after the last success and keeps the last failure time', () => {
    expect(backoffRecord(job, [pod('Failed', 1), pod('Succeeded', 2), pod('Failed', 3), pod('Failed', 5), pod('Running', 0)])).toEqual({
      failuresAfterLastSuccess: 2,
      lastFailureMs: NOW + 5 * S,
    })
  })

  it('a success after every failure resets it', () => {
    expect(backoffRecord(job, [pod('Failed', 1), pod('Failed', 2), pod('Succeeded', 3)])).toEqual({ failuresAfterLastSuccess: 0, lastFailureMs: undefined })
  })

  it('a failure at the same instant as the last success does not count', () => {
    expect(backoffRecord(job, [pod('Succeeded', 2), pod('Failed', 2)])).toEqual({ failuresAfterLastSuccess: 0, lastFailureMs: undefined })
  })
})
