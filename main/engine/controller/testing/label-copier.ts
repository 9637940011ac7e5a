// A toy controller for the framework's tests: copies each pod's `app` label into its `copied-app` annotation.
// All a controller is: a name, its watches (handlers that only enqueue), and sync(key) reading a lister and
// writing through the in-engine client.

import type { Pod } from '../../api/pods/types'
import { Client } from '../../client/client'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { World } from '../../world'
import type { Controller } from '../controller'
import type { RateLimitingQueue } from '../rate-limiting-queue'

export const ANNOTATION = 'podlab.test/copied-app'

export class LabelCopier implements Controller {
  readonly name = 'label-copier'
  private readonly client: Client
  private pods!: Lister<Pod>

  constructor(world: World) {
    this.client = new Client(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    const pods = informers.informer<Pod>('pods')
    this.pods = pods.lister()
    const enqueue = (pod: Pod) => queue.add(`${pod.metadata.namespace}/${pod.metadata.name}`)
    pods.addEventHandler({ add: enqueue, update: (_old, pod) => enqueue(pod) })
  }

  sync(key: string): void {
    const [namespace = '', name = ''] = key.split('/')
    const pod = this.pods.get(namespace, name)
    const app = pod?.metadata.labels?.app
    if (!pod || app === undefined || pod.metadata.annotations?.[ANNOTATION] === app) return
    const annotations = { ...pod.metadata.annotations, [ANNOTATION]: app }
    this.client.update({ ...pod, metadata: { ...pod.metadata, annotations } })
  }
}
