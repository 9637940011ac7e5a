// getAllReplicaSetsAndSyncRevision and getNewReplicaSet (kubernetes v1.32 pkg/controller/deployment/sync.go): find
// the ReplicaSet whose template is the Deployment's and bring its revision up to date (an old one coming back,
// as after `kubectl rollout undo`, gets the next revision), or create `<deployment>-<pod-template-hash>` with
// the hash label on its selector, labels and template, and record `Scaled up replica set x from 0 to n`.

import type { Deployment, ReplicaSet } from '../../api/apps/types'
import { isApiError } from '../../api/errors'
import { newControllerRef } from '../../controller/controller-ref'
import { maxRevision, REVISION_ANNOTATION, setDeploymentRevision, setNewReplicaSetAnnotations } from './annotations'
import { getDeploymentCondition, newDeploymentCondition, REASONS, setDeploymentCondition } from './conditions'
import { nowTime, recordEvent, type SyncContext } from './context'
import { computeHash } from './hash'
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets, hasProgressDeadline, maxSurge, newRSNewReplicas, POD_TEMPLATE_HASH } from './replicas'
import { updateDeploymentStatus, writeStatus } from './status'

const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating'

/** [newRS or undefined, all old ReplicaSets]; creates the new one when `create`. Throws ApiError. */
export function getAllReplicaSetsAndSyncRevision(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[], create: boolean): [ReplicaSet | undefined, ReplicaSet[]] {
  const [, allOld] = findOldReplicaSets(d, rsList)
  return [getNewReplicaSet(ctx, d, rsList, allOld, create), allOld]
}

function getNewReplicaSet(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
  const existing = findNewReplicaSet(d, rsList)
  const newRevision = String(maxRevision(oldRSs) + 1)
  const maxReplicas = (d.spec.replicas ?? 0) + maxSurge(d)
  if (existing) {
    const rsCopy = structuredClone(existing) as ReplicaSet
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true, maxReplicas)
    const minReadySecondsNeedsUpdate = (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)
    if (annotationsUpdated || minReadySecondsNeedsUpdate) {
      rsCopy.spec.minReadySeconds = d.spec.minReadySeconds ?? 0
      const updated = ctx.client.update(rsCopy)
      // Later steps of this sync read rsList again: let them see what was written (upstream conflicts and retries).
      rsList[rsList.indexOf(existing)] = updated
      return updated
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? '')
    // Users who start caring about progress: the first time their new ReplicaSet is noticed counts.
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
      d.status = structuredClone(d.status ?? {})
      setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'True', REASONS.foundNewRS, `Found new replica set "${rsCopy.metadata.name ?? ''}"`, nowTime(ctx)))
      needsUpdate = true
    }
    if (needsUpdate) updateDeploymentStatus(ctx, d)
    return rsCopy
  }
  if (!create) return undefined

  const template = structuredClone(d.spec.template)
  const hash = computeHash(template, d.status?.collisionCount)
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } }
  const selector = structuredClone(d.spec.selector)
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash }
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name ?? ''}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  }
  const newReplicasCount = newRSNewReplicas(d, [...oldRSs, newRS], newRS)
  newRS.spec.replicas = newReplicasCount
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, maxReplicas)

  let created: ReplicaSet
  let alreadyExists = false
  try {
    created = ctx.client.create(newRS)
  } catch (e) {
    if (!isApiError(e)) throw e
    if (e.reason === 'AlreadyExists') {
      alreadyExists = true
      const found = ctx.replicaSets.get(d.metadata.namespace ?? '', newRS.metadata.name ?? '')
      if (!found) throw e
      const ref = found.metadata.ownerReferences?.find((r) => r.controller)
      if (!(ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, found.spec.template))) {
        // A hash collision: count it so that the next sync hashes differently, and retry.
        writeStatus(ctx, d, { ...structuredClone(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 })
        throw e
      }
      created = found
    } else if ((e.details.causes ?? []).some((c) => c.reason === NAMESPACE_TERMINATING_CAUSE)) {
      throw e
    } else {
      const msg = `Failed to create new replica set "${newRS.metadata.name ?? ''}": ${e.message}`
      if (hasProgressDeadline(d)) {
        const status = structuredClone(d.status ?? {})
        setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', REASONS.failedRSCreate, msg, nowTime(ctx)))
        try {
          writeStatus(ctx, d, status)
        } catch {
          // The bigger issue is the failed create, reported below.
        }
      }
      recordEvent(ctx, d, 'Warning', REASONS.failedRSCreate, msg)
      throw e
    }
  }
  if (!alreadyExists && newReplicasCount > 0) {
    recordEvent(ctx, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name ?? ''} from 0 to ${newReplicasCount}`)
  }
  let needsUpdate = setDeploymentRevision(d, newRevision)
  if (!alreadyExists && hasProgressDeadline(d)) {
    d.status = structuredClone(d.status ?? {})
    setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'True', REASONS.newReplicaSet, `Created new replica set "${created.metadata.name ?? ''}"`, nowTime(ctx)))
    needsUpdate = true
  }
  if (needsUpdate) updateDeploymentStatus(ctx, d)
  return created
}
