// Indexed completion mode (kubernetes v1.32 pkg/controller/job/indexed_job_utils.go): each pod carries its
// completion index; status.completedIndexes lists the succeeded ones as intervals ("1,3-5,7").

import { JOB_COMPLETION_INDEX } from '../../api/batch/labels'
import { MAX_GENERATED_NAME_LENGTH } from '../../api/meta/names'
import type { Job } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import { hasTrackingFinalizer } from './pods'

export const UNKNOWN_INDEX = -1

export interface Interval {
  first: number
  last: number
}

/** getCompletionIndex: the pod's index annotation as a non-negative integer, else UNKNOWN_INDEX. */
export function completionIndex(pod: Pod): number {
  const v = pod.metadata.annotations?.[JOB_COMPLETION_INDEX]
  if (v === undefined || !/^\d+$/.test(v)) return UNKNOWN_INDEX
  const n = Number(v)
  return Number.isSafeInteger(n) ? n : UNKNOWN_INDEX
}

/** parseIndexesFromString: intervals of `text` below `completions`; malformed parts are skipped. */
export function parseIndexes(text: string | undefined, completions: number): Interval[] {
  const out: Interval[] = []
  for (const part of (text ?? '').split(',')) {
    if (!part) continue
    const [a, b] = part.split('-')
    const first = Number(a)
    let last = b === undefined ? first : Number(b)
    if (!Number.isInteger(first) || !Number.isInteger(last) || first >= completions) continue
    last = Math.min(last, completions - 1)
    const prev = out[out.length - 1]
    if (prev && prev.last + 1 >= first) prev.last = Math.max(prev.last, last)
    else out.push({ first, last })
  }
  return out
}

/** withOrderedIndexes: the intervals with the sorted `indexes` added. */
export function withIndexes(intervals: readonly Interval[], indexes: readonly number[]): Interval[] {
  const all = new Set<number>()
  for (const i of intervals) for (let x = i.first; x <= i.last; x++) all.add(x)
  for (const x of indexes) all.add(x)
  const sorted = [...all].sort((a, b) => a - b)
  const out: Interval[] = []
  for (const x of sorted) {
    const prev = out[out.length - 1]
    if (prev && prev.last + 1 === x) prev.last = x
    else out.push({ first: x, last: x })
  }
  return out
}

export const totalIndexes = (intervals: readonly Interval[]) => intervals.reduce((n, i) => n + i.last - i.first + 1, 0)

export const hasIndex = (intervals: readonly Interval[], x: number) => intervals.some((i) => i.first <= x && x <= i.last)

/** orderedIntervals.String(): "0", "0,1", "0-2", joined with commas. */
export function formatIndexes(intervals: readonly Interval[]): string {
  return intervals.map((i) => (i.last === i.first ? `${i.first}` : `${i.first}${i.last === i.first + 1 ? ',' : '-'}${i.last}`)).join(',')
}

/** calculateSucceededIndexes: the stored intervals, and those plus the succeeded pods not counted yet. */
export function succeededIndexes(job: Job, pods: readonly Pod[]): [Interval[], Interval[]] {
  const completions = job.spec.completions ?? 0
  const prev = parseIndexes(job.status?.completedIndexes, completions)
  const fresh = pods
    .filter((p) => p.status?.phase === 'Succeeded' && hasTrackingFinalizer(p))
    .map(completionIndex)
    .filter((ix) => ix !== UNKNOWN_INDEX && ix < completions)
  return [prev, withIndexes(prev, fresh)]
}

/** firstPendingIndexes: the lowest `count` indexes below `completions` neither succeeded nor held by an active pod. */
export function firstPendingIndexes(succeeded: readonly Interval[], activePods: readonly Pod[], count: number, completions: number): number[] {
  const nonPending = withIndexes(succeeded, activePods.map(completionIndex).filter((ix) => ix !== UNKNOWN_INDEX))
  const result: number[] = []
  for (let candidate = 0; candidate < completions && result.length < count; candidate++) {
    if (!hasIndex(nonPending, candidate)) result.push(candidate)
  }
  return result
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so a generated name stays within 63 characters. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`
  const max = MAX_GENERATED_NAME_LENGTH
  return jobName.length + suffix.length > max ? jobName.slice(0, max - suffix.length) + suffix : jobName + suffix
}
