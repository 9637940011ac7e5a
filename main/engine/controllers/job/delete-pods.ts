// deleteJobPods and deleteActivePods (kubernetes v1.32 pkg/controller/job/job_controller.go): a pod the Job no
// longer wants loses its tracking finalizer first (it will not be counted); a finishing Job's active pods keep
// it, so the status tracking counts them as failed before it lets them go.

import { JOB_TRACKING_FINALIZER } from '../../api/batch/labels'
import type { Pod } from '../../api/pods/types'
import { isApiError } from '../../api/errors'
import type { JobControllerDeps, SyncContext } from './context'
import { hasTrackingFinalizer, isReady } from './pods'

export interface Deleted {
  removed: number
  removedReady: number
  /** The first failure, once every pod was tried. */
  error?: unknown
}

/** Deletes `pods` (SuccessfulDelete events); returns how many went, how many of them were ready, and the first failure. */
export function deleteJobPods(deps: JobControllerDeps, ctx: SyncContext, pods: readonly Pod[], dropFinalizer: boolean): Deleted {
  let removed = 0
  let removedReady = 0
  let firstError: unknown
  const namespace = ctx.job.metadata.namespace ?? ''
  for (const pod of pods) {
    const name = pod.metadata.name ?? ''
    try {
      if (dropFinalizer && hasTrackingFinalizer(pod)) {
        deps.client.patch('pods', namespace, name, 'strategic', { metadata: { '$deleteFromPrimitiveList/finalizers': [JOB_TRACKING_FINALIZER] } })
      }
      deps.podControl.deletePod(namespace, name, ctx.job)
    } catch (e) {
      if (!dropFinalizer && isApiError(e) && e.reason === 'NotFound') {
        // Already gone: as good as deleted.
      } else {
        deps.expectations.deletionObserved(ctx.key)
        firstError ??= e
        continue
      }
    }
    removed++
    if (isReady(pod)) removedReady++
  }
  return firstError === undefined ? { removed, removedReady } : { removed, removedReady, error: firstError }
}
