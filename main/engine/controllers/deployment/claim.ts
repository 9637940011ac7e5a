// getReplicaSetsForDeployment's claim (kubernetes v1.32 pkg/controller/controller_ref_manager.go ClaimObject,
// for ReplicaSets): keep the ones we own that still match, adopt matching orphans (not while the Deployment is
// being deleted), release owned ones that no longer match. Adopting and releasing rewrite ownerReferences.
// TODO(rs): fold into the shared controller/controller-ref-manager.ts once it lands on main.

import type { Deployment, ReplicaSet } from '../../api/apps/types'
import { isApiError } from '../../api/errors'
import type { Selector } from '../../labels'
import { controllerOf, newControllerRef } from '../../controller/controller-ref'
import type { SyncContext } from './context'

function ignoreNotFound(e: unknown): void {
  if (!(isApiError(e) && e.reason === 'NotFound')) throw e
}

/** The ReplicaSets of `candidates` that `d` owns after adoption and release. Throws ApiError. */
export function claimReplicaSets(ctx: SyncContext, d: Deployment, selector: Selector, candidates: ReplicaSet[], canAdopt: () => boolean): ReplicaSet[] {
  const claimed: ReplicaSet[] = []
  for (const rs of candidates) {
    const ref = controllerOf(rs)
    const matches = selector.matches(rs.metadata.labels)
    if (ref) {
      if (ref.uid !== d.metadata.uid) continue
      if (matches) {
        claimed.push(rs)
        continue
      }
      if (d.metadata.deletionTimestamp) continue
      try {
        ctx.client.update({ ...rs, metadata: { ...rs.metadata, ownerReferences: (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid) } })
      } catch (e) {
        ignoreNotFound(e)
      }
      continue
    }
    if (d.metadata.deletionTimestamp || !matches || rs.metadata.deletionTimestamp || rs.metadata.namespace !== d.metadata.namespace) continue
    if (!canAdopt()) continue
    try {
      claimed.push(ctx.client.update({ ...rs, metadata: { ...rs.metadata, ownerReferences: [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)] } }))
    } catch (e) {
      ignoreNotFound(e)
    }
  }
  return claimed
}
