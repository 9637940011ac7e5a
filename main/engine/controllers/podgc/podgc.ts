// The pod garbage collector's orphan half (pkg/controller/podgc/gc_controller.go gcOrphaned, v1.32): a pod
// bound to a node that no longer exists is, after the node has stayed gone for the quarantine, marked Failed
// with the DisruptionTarget condition (reason DeletionByPodGC, "PodGC: node no longer exists") through its status
// and then deleted with grace 0 (markFailedAndDeletePodWithCondition). Upstream looks every 20 s
// (gcCheckPeriod) and quarantines a missing node for 40 s from the look that first sees it; here the handlers ask
// for the node's key at that same instant (the first 20 s tick at or after the pod was seen orphaned, plus 40 s:
// between 40 and 60 s after the node went), instead of waking every 20 s for ever. The other halves (terminated
// pods over 12,500, terminating pods on out-of-service nodes) wait for node failure and bigger clusters.

import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import { Client } from '../../client/client'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import { updatePodCondition } from '../../resources/pods/conditions'
import { rfc3339 } from '../../runtime/clock'
import type { World } from '../../world'

/** gcCheckPeriod and quarantineTime, ms. */
const GC_CHECK_PERIOD_MS = 20_000
const QUARANTINE_MS = 40_000

const terminated = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'

export class PodGC implements Controller {
  readonly name = 'podgc'
  private readonly client: Client
  private pods!: Lister<Pod>
  private nodes!: Lister<Node>
  private queue!: RateLimitingQueue

  constructor(private readonly world: World) {
    this.client = new Client(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    const nodes = informers.informer<Node>('nodes')
    const pods = informers.informer<Pod>('pods')
    this.nodes = nodes.lister()
    this.pods = pods.lister()
    this.queue = queue
    const podSeen = (pod: Pod) => {
      const node = pod.spec.nodeName
      if (node && !this.nodes.get('', node)) this.quarantine(node)
    }
    pods.addEventHandler({ add: podSeen, update: (_old, pod) => podSeen(pod) })
    nodes.addEventHandler({
      delete: (node) => {
        const name = node.metadata.name ?? ''
        if (this.pods.byIndex('nodeName', name).length > 0) this.quarantine(name)
      },
    })
  }

  /** Key: a node name. Its pods go only if the node is still missing once the quarantine is over. */
  sync(node: string): void {
    if (this.nodes.get('', node)) return
    for (const pod of this.pods.byIndex('nodeName', node)) this.markFailedAndDelete(pod)
  }

  /** The node's key at the first GC tick (every 20 s of virtual time) at or after now, plus the quarantine. */
  private quarantine(node: string): void {
    const now = this.world.now()
    const tick = Math.ceil(now / GC_CHECK_PERIOD_MS) * GC_CHECK_PERIOD_MS
    this.queue.addAfter(node, tick + QUARANTINE_MS - now)
  }

  private markFailedAndDelete(pod: Pod): void {
    const namespace = pod.metadata.namespace ?? ''
    const name = pod.metadata.name ?? ''
    if (!terminated(pod)) {
      const condition = { type: 'DisruptionTarget', status: 'True' as const, reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' }
      const status = updatePodCondition({ ...pod.status, phase: 'Failed' }, condition, rfc3339(this.world.now()))
      this.client.updateStatus({ ...pod, status })
    }
    this.client.delete('pods', namespace, name, { gracePeriodSeconds: 0 })
  }
}
