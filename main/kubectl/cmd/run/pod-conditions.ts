// The watch conditions `kubectl run` waits on, after kubectl pkg/cmd/run/run.go (v0.32.5): podRunningAndReady
// before attaching, podCompleted (--restart=Never) or podSucceeded (OnFailure) after, for the exit code.

import type { WatchEvent } from '../../../kube'

/** A pod as these conditions read it. */
export interface RunPod {
  metadata: { name?: string; namespace?: string }
  status?: {
    phase?: string
    conditions?: Array<{ type: string; status: string }>
    containerStatuses?: Array<{ state?: { terminated?: { exitCode: number; reason?: string; message?: string } } }>
  }
}

/** What one watch event says: the condition holds, the pod is gone, it ran to completion first, or wait on. */
export type Verdict = 'met' | 'deleted' | 'completed' | 'wait'

/** podRunningAndReady: Running with Ready=True; a completed pod is ErrPodCompleted ("pod ran to completion"). */
export function podRunningAndReady(type: WatchEvent['type'], pod: RunPod): Verdict {
  if (type === 'DELETED') return 'deleted'
  const phase = pod.status?.phase
  if (phase === 'Failed' || phase === 'Succeeded') return 'completed'
  if (phase === 'Running' && (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')) return 'met'
  return 'wait'
}

/** podCompleted: Succeeded or Failed. */
export function podCompleted(type: WatchEvent['type'], pod: RunPod): Verdict {
  if (type === 'DELETED') return 'deleted'
  const phase = pod.status?.phase
  return phase === 'Failed' || phase === 'Succeeded' ? 'met' : 'wait'
}

/** podSucceeded: Succeeded only (an OnFailure pod that fails is restarted, not done). */
export function podSucceeded(type: WatchEvent['type'], pod: RunPod): Verdict {
  if (type === 'DELETED') return 'deleted'
  return pod.status?.phase === 'Succeeded' ? 'met' : 'wait'
}

/**
 * Run's verdict on a finished pod: exit 0 when Succeeded; when Failed, the first container's exit code with
 * `pod NS/NAME terminated (REASON)\nMESSAGE` (a CodeExitError: checkErr prints it bare), or `failed with unknown
 * exit code` when it has none. Returns the stderr text and the exit code.
 */
export function exitOf(pod: RunPod): { stderr: string; exitCode: number } {
  const id = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`
  const phase = pod.status?.phase
  if (phase === 'Succeeded') return { stderr: '', exitCode: 0 }
  if (phase !== 'Failed') return { stderr: `error: pod ${id} left in phase ${phase ?? ''}\n`, exitCode: 1 }
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated
  if (!terminated || terminated.exitCode === 0) return { stderr: `error: pod ${id} failed with unknown exit code\n`, exitCode: 1 }
  const text = `pod ${id} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`
  return { stderr: text.endsWith('\n') ? text : `${text}\n`, exitCode: terminated.exitCode }
}
