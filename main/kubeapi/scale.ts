// The scale subresource of Deployments and ReplicaSets (pkg/registry/apps/deployment/storage/storage.go
// ScaleREST, scaleFromDeployment; replicaset likewise): an autoscaling/v1 Scale read from the object, and a
// write that sets the object's spec.replicas (with the Scale's resourceVersion as the precondition, so a stale
// one is the object's 409 Conflict).

import { applyJsonPatch, applyMergePatch, selectorFromLabelSelector, type CreateOptions, type Engine, type LabelSelector, type PatchType } from '../engine'
import type { KubeObject } from '../kube'
import { badRequest } from './status'

/** The kinds that have a scale subresource here, by `group/resource`. */
export const SCALABLE = new Set(['apps/deployments', 'apps/replicasets'])

interface Scalable extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector }
  status?: { replicas?: number }
}

/** scaleFromDeployment: name, namespace, uid, resourceVersion and creationTimestamp; spec.replicas; status.replicas and the selector as a string. */
export function scaleOf(object: KubeObject): KubeObject {
  const o = object as Scalable
  const m = o.metadata
  const meta = Object.fromEntries(
    Object.entries({ name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp }).filter(([, v]) => v !== undefined),
  )
  const selector = selectorFromLabelSelector(o.spec?.selector).toString()
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: meta,
    spec: o.spec?.replicas ? { replicas: o.spec.replicas } : {},
    status: { replicas: o.status?.replicas ?? 0, ...(selector ? { selector } : {}) },
  }
}

/**
 * Sets the object's spec.replicas from `scale` (a Scale as sent to PUT, or made by a PATCH): the object's own
 * update, so its validation and a stale resourceVersion's Conflict are the object's (a dry run with `dryRun`).
 * Returns the new Scale. Throws ApiError.
 */
export function writeScale(engine: Engine, resource: string, namespace: string, name: string, scale: unknown, options: Pick<CreateOptions, 'dryRun' | 'fieldManager'> = {}): KubeObject {
  const s = scale as { metadata?: { name?: string; resourceVersion?: string }; spec?: { replicas?: unknown } }
  if (s?.metadata?.name !== undefined && s.metadata.name !== name) {
    throw badRequest(`the name of the object (${s.metadata.name}) does not match the name on the URL (${name})`)
  }
  const replicas = s?.spec?.replicas ?? 0
  const resourceVersion = s?.metadata?.resourceVersion
  const patch = { ...(resourceVersion ? { metadata: { resourceVersion } } : {}), spec: { replicas } }
  return scaleOf(engine.patch(resource, namespace, name, 'merge', patch, options))
}

/**
 * A PATCH of the Scale: applied to the current Scale, then written. A Scale has no list to merge by key, so a
 * strategic merge patch is a merge patch here.
 */
export function patchScale(engine: Engine, resource: string, namespace: string, name: string, patchType: PatchType, patch: unknown, options: Pick<CreateOptions, 'dryRun' | 'fieldManager'> = {}): KubeObject {
  const current = scaleOf(engine.get(resource, namespace, name, 'apps'))
  const patched = patchType === 'json' ? applyJsonPatch(current, patch) : applyMergePatch(current, patch)
  return writeScale(engine, resource, namespace, name, patched, options)
}
