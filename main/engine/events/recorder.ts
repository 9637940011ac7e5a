// Kubernetes Event objects, as the two recorders of 1.32 write them:
// - the kubelet still uses the core/v1 recorder (source, first/lastTimestamp, count, aggregation of repeats);
// - the scheduler uses the events.k8s.io/v1 recorder (eventTime, action, reportingController), which reads
//   back through core/v1 with null first/lastTimestamp and an empty source.

import type { KubeObject } from '../../kube'
import { isApiError } from '../api/errors'
import { Client } from '../client/client'
import { rfc3339, rfc3339Micro } from '../runtime/clock'
import type { CoreEvent, EventType, ObjectReference } from '../api/events/types'
import type { World } from '../world'

/** A reference the recorder builds itself: name and uid always set. */
export type InvolvedObject = ObjectReference & { name: string; uid: string }

export function involved(object: KubeObject, fieldPath?: string): InvolvedObject {
  const ref: InvolvedObject = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name ?? '',
    uid: object.metadata.uid ?? '',
    resourceVersion: object.metadata.resourceVersion,
  }
  if (object.metadata.namespace) ref.namespace = object.metadata.namespace
  if (fieldPath) ref.fieldPath = fieldPath
  return ref
}

/** Records events through the in-engine client: the events strategy validates them, the server stamps uid and creationTimestamp. */
export class EventRecorder {
  private readonly client: Client

  /** `fieldManager`: the component the events are written by (`kubelet`, `kube-scheduler`; see Client). */
  constructor(
    private readonly world: World,
    fieldManager?: string,
  ) {
    this.client = new Client(world, fieldManager)
  }

  /** core/v1 recorder (the kubelet's): a repeat of the same event bumps count and lastTimestamp. */
  legacy(on: InvolvedObject, type: EventType, reason: string, message: string, source: { component: string; host?: string }): void {
    const namespace = on.namespace ?? 'default'
    const now = rfc3339(this.world.now())
    const repeat = this.world.store
      .eventsAboutSaying<CoreEvent>(namespace, on.uid, reason, message)
      .find(
        (e) =>
          e.involvedObject?.uid === on.uid &&
          e.involvedObject?.fieldPath === on.fieldPath &&
          e.reason === reason &&
          e.message === message &&
          e.type === type &&
          e.source?.component === source.component,
      )
    if (repeat) {
      dropRejected(() => this.client.update<CoreEvent>({ ...repeat, count: (repeat.count ?? 1) + 1, lastTimestamp: now }))
      return
    }
    this.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: this.meta(on.name, namespace),
      involvedObject: on,
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    })
  }

  /** events.k8s.io/v1 recorder (the scheduler's and the controllers' in 1.32). */
  modern(on: InvolvedObject, type: EventType, reason: string, action: string, message: string, controller: string, instance: string): void {
    const namespace = on.namespace ?? 'default'
    this.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: this.meta(on.name, namespace),
      involvedObject: on,
      reason,
      message,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: rfc3339Micro(this.world.now()),
      action,
      reportingComponent: controller,
      reportingInstance: instance,
    })
  }

  // Event names are `<object>.<hex of the time in nanoseconds>` (client-go makeEvent). Virtual time has
  // millisecond steps, so events of one instant are told apart by counting up the nanoseconds.
  private meta(objectName: string, namespace: string): CoreEvent['metadata'] {
    let nanos = BigInt(this.world.now()) * 1_000_000n
    let name = `${objectName}.${nanos.toString(16)}`
    while (this.world.store.exists('events', namespace, name)) {
      nanos += 1n
      name = `${objectName}.${nanos.toString(16)}`
    }
    return { name, namespace }
  }

  private create(event: CoreEvent): void {
    dropRejected(() => this.client.create(event))
  }
}

/**
 * An event the API server rejects is dropped, never the recording component's failure (client-go's
 * recordToSink: "Server rejected event ... (will not retry!)"), e.g. one in a namespace being terminated.
 */
function dropRejected(write: () => unknown): void {
  try {
    write()
  } catch (e) {
    if (!isApiError(e)) throw e
  }
}
