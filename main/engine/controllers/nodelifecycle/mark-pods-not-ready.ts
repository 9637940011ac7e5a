// controllerutil.MarkPodsNotReady (pkg/controller/util/node/controller_utils.go, v1.32): each pod on a node
// whose Ready condition is no longer True gets its own Ready condition set to False (reason and message kept;
// lastTransitionTime now), then a Warning `NodeNotReady` event "Node is not ready" from node-controller.

import type { Pod } from '../../api/pods/types'
import type { Client } from '../../client/client'
import type { EventRecorder } from '../../events/recorder'
import { involved } from '../../events/recorder'
import { updatePodCondition } from '../../resources/pods/conditions'
import { rfc3339 } from '../../runtime/clock'
import { isApiError } from '../../api/errors'

export const NODE_CONTROLLER = { component: 'node-controller' }

/** Marks `pods` (those bound to `nodeName`) not ready at `nowMs` (ms). A pod gone meanwhile is skipped. */
export function markPodsNotReady(client: Client, events: EventRecorder, pods: readonly Pod[], nodeName: string, nowMs: number): void {
  for (const pod of pods) {
    if (pod.spec.nodeName !== nodeName) continue
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')
    if (!ready || ready.status === 'False') continue
    const status = updatePodCondition(pod.status ?? {}, { type: 'Ready', status: 'False', reason: ready.reason, message: ready.message }, rfc3339(nowMs))
    try {
      client.updateStatus<Pod>({ ...pod, status })
    } catch (e) {
      if (isApiError(e) && e.reason === 'NotFound') continue
      throw e
    }
    events.legacy(involved(pod), 'Warning', 'NodeNotReady', 'Node is not ready', NODE_CONTROLLER)
  }
}
