// The pod failure back-off (kubernetes v1.32 pkg/controller/job/backoff_utils.go): after N failures since the
// last success, the next pod waits 10 s * 2^(N-1), at most 6 minutes, from the last failure.
//
// Upstream keeps the record in memory and updates it with each sync's newly finished pods. Podlab's controllers
// start afresh with every CLI call, so the record is derived from the Job's finished pods at each sync instead:
// the same numbers for pods that finish in the order they are seen (a failure that finishes after a later
// success is counted here, upstream would not), and no reset when another process opens the file.

import type { Job } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import { finishedTimeMs, isPodFailed } from './pods'

/** DefaultJobPodFailureBackOff, in ms. */
const DEFAULT_BACKOFF_MS = 10_000
/** MaxJobPodFailureBackOff, in ms. */
const MAX_BACKOFF_MS = 360_000

export interface BackoffRecord {
  failuresAfterLastSuccess: number
  /** ms of virtual time, or undefined without failures. */
  lastFailureMs: number | undefined
}

/** The record newBackoffRecord would hold: failures finished after the last success, and the last one's time. */
export function backoffRecord(job: Job, pods: readonly Pod[]): BackoffRecord {
  let lastSuccess = -Infinity
  for (const p of pods) if (p.status?.phase === 'Succeeded') lastSuccess = Math.max(lastSuccess, finishedTimeMs(p))
  let failures = 0
  let lastFailureMs: number | undefined
  for (const p of pods) {
    if (p.status?.phase === 'Succeeded' || !isPodFailed(p, job)) continue
    const t = finishedTimeMs(p)
    if (t <= lastSuccess) continue
    failures++
    lastFailureMs = lastFailureMs === undefined ? t : Math.max(lastFailureMs, t)
  }
  return { failuresAfterLastSuccess: failures, lastFailureMs }
}

/** getRemainingTimeForFailuresCount: ms still to wait at `nowMs` before a replacement pod may be created. */
export function remainingBackoffMs(record: BackoffRecord, nowMs: number, defaultMs = DEFAULT_BACKOFF_MS, maxMs = MAX_BACKOFF_MS): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureMs === undefined) return 0
  let backoff = defaultMs
  for (let i = 1; i < record.failuresAfterLastSuccess; i++) {
    backoff *= 2
    if (backoff >= maxMs) {
      backoff = maxMs
      break
    }
  }
  const elapsed = nowMs - record.lastFailureMs
  return backoff < elapsed ? 0 : backoff - elapsed
}
