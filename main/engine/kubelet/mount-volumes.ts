// The volume manager's part in starting a pod: every volume is set up before the sandbox (SyncPod waits in
// WaitForAttachAndMount), each failed SetUp records a FailedMount event and is retried behind its own
// exponential back-off (nestedpendingoperations: 500ms doubling to 2m2s). Nothing watches the ConfigMap or
// Secret: a volume mounts at its next retry after the object appears, as upstream's does.

import type { Pod } from '../api/pods/types'
import type { ConfigSource } from './container-config'
import type { PodRuntime } from './runtime-state'
import { TIMINGS } from './timings'
import { failedMountMessage, volumeSetUpError } from './volume-sources'

/**
 * Tries the pod's volumes that are due at `now` (ms), records each failure through `failed` and in
 * `rt.failedMounts`. Returns undefined once every volume is set up, else when to try again (ms).
 */
export function mountVolumes(pod: Pod, rt: PodRuntime, now: number, source: ConfigSource, failed: (message: string) => void): number | undefined {
  const failing: NonNullable<PodRuntime['failedMounts']> = {}
  for (const volume of pod.spec.volumes ?? []) {
    const before = rt.failedMounts?.[volume.name]
    if (before && now < before.retryAt) {
      failing[volume.name] = before
      continue
    }
    const error = volumeSetUpError(pod, volume, source)
    if (error === undefined) continue
    failed(failedMountMessage(volume.name, error))
    const failures = (before?.failures ?? 0) + 1
    const delay = Math.min(TIMINGS.mountRetryInitialMs * 2 ** (failures - 1), TIMINGS.mountRetryMaxMs)
    failing[volume.name] = { failures, retryAt: now + delay }
  }
  const retries = Object.values(failing).map((f) => f.retryAt)
  if (retries.length === 0) {
    delete rt.failedMounts
    return undefined
  }
  rt.failedMounts = failing
  return Math.min(...retries)
}
