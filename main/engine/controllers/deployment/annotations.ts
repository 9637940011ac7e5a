// The annotations the Deployment controller keeps on its ReplicaSets and itself (kubernetes v1.32
// pkg/controller/deployment/util/deployment_util.go): revision, revision history, desired and max replicas, and
// which of the Deployment's own annotations are copied to its new ReplicaSet.

import type { Deployment, ReplicaSet } from '../../api/apps/types'

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history'
const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas'
/** apps.DeprecatedRollbackTo: the extensions/v1beta1 rollback request, never copied. */
const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to'
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'
/** sync.go maxRevHistoryLengthInChars: the revision-history annotation stays under 2000 characters. */
const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000

const SKIPPED = new Set([LAST_APPLIED, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO])

const INT = /^[+-]?[0-9]+$/

/** strconv.ParseInt(s, 10, 64), undefined on error. */
function parseGoInt(s: string | undefined): number | undefined {
  return s !== undefined && INT.test(s) ? Number(s) : undefined
}

/** Revision: the revision annotation as a number, 0 when absent, undefined when it is not a number. */
export function revisionOf(rs: { metadata: { annotations?: Record<string, string> } }): number | undefined {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION]
  return v === undefined ? 0 : parseGoInt(v)
}

/** MaxRevision: the highest revision among `rss` (unparseable ones skipped), 0 for none. */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0
  for (const rs of rss) {
    const v = revisionOf(rs)
    if (v !== undefined && v > max) max = v
  }
  return max
}

/** LastRevision: the second highest revision (the one a rollback without --to-revision goes to). */
export function lastRevision(rss: readonly ReplicaSet[]): number {
  let max = 0
  let secMax = 0
  for (const rs of rss) {
    const v = revisionOf(rs)
    if (v === undefined) continue
    if (v >= max) {
      secMax = max
      max = v
    } else if (v > secMax) secMax = v
  }
  return secMax
}

/** copyDeploymentAnnotationsToReplicaSet: true when `annotations` (the RS's, mutated) changed. */
function copyDeploymentAnnotations(d: Deployment, annotations: Record<string, string>): boolean {
  let changed = false
  const from = d.metadata.annotations ?? {}
  for (const k of Object.keys(from).sort()) {
    if (SKIPPED.has(k) || annotations[k] === from[k]) continue
    annotations[k] = from[k] as string
    changed = true
  }
  return changed
}

/** SetReplicasAnnotations: desired-replicas and max-replicas on `rs` (mutated); true when either changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {})
  let updated = false
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired)
    updated = true
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max)
    updated = true
  }
  return updated
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations
  return !a || a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max)
}

/** getNonNegativeInt32FromAnnotation: the value when it is an int32 >= 0. */
function nonNegativeInt32(rs: ReplicaSet, key: string): number | undefined {
  const v = parseGoInt(rs.metadata.annotations?.[key])
  return v !== undefined && v >= 0 && v <= 2147483647 ? v : undefined
}

export const desiredReplicasAnnotation = (rs: ReplicaSet) => nonNegativeInt32(rs, DESIRED_REPLICAS_ANNOTATION)
export const maxReplicasAnnotation = (rs: ReplicaSet) => nonNegativeInt32(rs, MAX_REPLICAS_ANNOTATION)

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's annotations, raises the revision to `newRevision` when
 * lower (keeping the old one in revision-history, at most `historyLimit` characters), and for a ReplicaSet
 * about to be created (`exists` false) sets desired/max replicas (`maxReplicas` = replicas + maxSurge).
 * Mutates `rs`; true when its annotations changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: string, exists: boolean, maxReplicas: number, historyLimit = MAX_REV_HISTORY_LENGTH_IN_CHARS): boolean {
  const annotations = (rs.metadata.annotations ??= {})
  let changed = copyDeploymentAnnotations(d, annotations)
  const oldRevision = annotations[REVISION_ANNOTATION]
  const had = oldRevision !== undefined
  let oldRevisionInt = 0
  if (had && oldRevision !== '') {
    const parsed = parseGoInt(oldRevision)
    if (parsed === undefined) return false
    oldRevisionInt = parsed
  }
  const newRevisionInt = parseGoInt(newRevision)
  if (newRevisionInt === undefined) return false
  if (oldRevisionInt < newRevisionInt) {
    annotations[REVISION_ANNOTATION] = newRevision
    changed = true
  }
  if (had && oldRevisionInt < newRevisionInt) {
    const history = annotations[REVISION_HISTORY_ANNOTATION] ?? ''
    const oldRevisions = history.split(',')
    if ((oldRevisions[0] ?? '').length === 0) annotations[REVISION_HISTORY_ANNOTATION] = oldRevision as string
    else {
      let totalLen = history.length + (oldRevision as string).length + 1
      let start = 0
      while (totalLen > historyLimit && start < oldRevisions.length) {
        totalLen -= (oldRevisions[start] as string).length + 1
        start++
      }
      if (totalLen <= historyLimit) annotations[REVISION_HISTORY_ANNOTATION] = [...oldRevisions.slice(start), oldRevision].join(',')
    }
  }
  if (!exists && setReplicasAnnotations(rs, d.spec.replicas ?? 0, maxReplicas)) changed = true
  return changed
}

/** SetDeploymentRevision: the Deployment's revision annotation (mutated); true when it changed. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const annotations = (d.metadata.annotations ??= {})
  if (annotations[REVISION_ANNOTATION] === revision) return false
  annotations[REVISION_ANNOTATION] = revision
  return true
}
