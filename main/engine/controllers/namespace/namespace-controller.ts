// The namespace controller (pkg/controller/namespace namespace_controller.go and deletion/
// namespaced_resources_deleter.go Delete): for a namespace being deleted, keeps its phase Terminating, deletes
// its content, reports on it in status conditions, and comes back after half the estimate + 1 s while content
// remains (pods terminating gracefully); once it is empty, it takes `kubernetes` out of spec.finalizers through
// the finalize subresource, and the API server removes the namespace.

import { rfc3339 } from '../../runtime/clock'
import { Client } from '../../client/client'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import { KUBERNETES_FINALIZER, type Namespace } from '../../resources/namespaces/types'
import type { World } from '../../world'
import { updateConditions } from './conditions'
import { deleteAllContent } from './content'

/** An error for the framework's back-off: content could not all be deleted (the conditions say what). */
export class NamespaceContentFailure extends Error {
  readonly reason = 'NamespaceContentFailure' as const
  constructor(namespace: string, errors: string[]) {
    super(`namespace ${namespace}: ${errors.join(', ')}`)
    this.name = 'NamespaceContentFailure'
  }
}

export class NamespaceController implements Controller {
  readonly name = 'namespace'
  private readonly client: Client
  private queue!: RateLimitingQueue
  private informers!: SharedInformerFactory
  private namespaces!: Lister<Namespace>

  constructor(private readonly world: World) {
    this.client = new Client(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    this.informers = informers
    const namespaces = informers.informer<Namespace>('namespaces')
    this.namespaces = namespaces.lister()
    const enqueue = (ns: Namespace) => {
      if (ns.metadata.deletionTimestamp) queue.add(ns.metadata.name ?? '')
    }
    namespaces.addEventHandler({ add: enqueue, update: (_old, ns) => enqueue(ns) })
  }

  sync(name: string): void {
    let ns = this.namespaces.get('', name)
    if (!ns?.metadata.deletionTimestamp) return
    if (ns.status?.phase !== 'Terminating') ns = this.client.updateStatus<Namespace>({ ...ns, status: { ...ns.status, phase: 'Terminating' } })
    if ((ns.spec?.finalizers ?? []).length === 0) return

    const { estimate, report } = deleteAllContent(this.client, this.informers, name)
    const latest = this.namespaces.get('', name) ?? ns
    const conditions = updateConditions(latest.status?.conditions ?? [], report, rfc3339(this.world.now()))
    if (conditions) this.client.updateStatus<Namespace>({ ...latest, status: { ...latest.status, conditions } })
    if (report.errors.length > 0) throw new NamespaceContentFailure(name, report.errors)
    if (estimate > 0) {
      this.queue.addAfter(name, (Math.floor(estimate / 2) + 1) * 1000)
      return
    }
    const current = this.namespaces.get('', name) ?? latest
    const finalizers = [...new Set((current.spec?.finalizers ?? []).filter((f) => f !== KUBERNETES_FINALIZER))].sort()
    this.client.finalizeNamespace<Namespace>({ ...current, spec: { ...current.spec, finalizers } })
  }
}
