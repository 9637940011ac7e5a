// Which colour of the cluster timeline a pod's STATUS (printPod's column, pkg/printers/internalversion/
// printers.go) falls in. The STATUS text itself is kept beside it: the group only says how to draw it.

import type { PodStatusGroup } from '../../kube'

/** Waiting reasons that are failures a restart will not fix by itself: drawn as Failed, not Waiting. */
const FAILED = new Set(['Failed', 'Error', 'OOMKilled', 'Evicted', 'ContainerStatusUnknown', 'StartError', 'Unknown', 'NodeLost', 'NodeAffinity', 'UnexpectedAdmissionError', 'DeadlineExceeded'])

/**
 * The group of a STATUS cell: `Running` / `NotReady` are Running, `Completed` / `Succeeded` Succeeded,
 * `CrashLoopBackOff` (also as `Init:CrashLoopBackOff`) its own, `Terminating` its own, `Pending` /
 * `SchedulingGated` Pending, an exit (`Error`, `OOMKilled`, `ExitCode:N`, `Signal:N`, their `Init:` forms)
 * Failed, and every other reason (ContainerCreating, PodInitializing, ImagePullBackOff, Init:0/1 ...) Waiting.
 */
export function podStatusGroup(status: string): PodStatusGroup {
  if (status === 'Terminating') return 'Terminating'
  if (status === 'Running' || status === 'NotReady') return 'Running'
  if (status === 'Completed' || status === 'Succeeded') return 'Succeeded'
  if (status === 'Pending' || status === 'SchedulingGated' || status === '') return 'Pending'
  const reason = status.startsWith('Init:') ? status.slice('Init:'.length) : status
  if (reason === 'CrashLoopBackOff') return 'CrashLoopBackOff'
  if (FAILED.has(reason) || reason.startsWith('ExitCode:') || reason.startsWith('Signal:')) return 'Failed'
  return 'Waiting'
}
