// describe.go getPodStatusForController (v0.32.5): the pods a controller owns (listed by its selector, kept when
// their controller reference is its UID), counted by phase for `Pods Status:`.

import type { Engine } from '../../../engine'
import type { KubeObject } from '../../../kube'

export interface PodCounts {
  running: number
  waiting: number
  succeeded: number
  failed: number
}

/** Throws the LIST's ApiError (a selector the server refuses). */
export function podStatusForController(engine: Engine, namespace: string, selector: string, uid: string | undefined): PodCounts {
  const pods = engine.list('pods', namespace, selector ? { labelSelector: selector } : undefined).items
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 }
  for (const pod of pods as Array<KubeObject & { status?: { phase?: string } }>) {
    const ref = pod.metadata.ownerReferences?.find((o) => o.controller === true)
    if (!ref || ref.uid !== uid) continue
    const phase = pod.status?.phase
    if (phase === 'Running') counts.running++
    else if (phase === 'Pending') counts.waiting++
    else if (phase === 'Succeeded') counts.succeeded++
    else if (phase === 'Failed') counts.failed++
  }
  return counts
}
