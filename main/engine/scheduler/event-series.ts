// The events.k8s.io/v1 recorder's series (client-go tools/events event_broadcaster.go recordToSink): an event
// isomorphic to one recorded before (same type, action, reason, reporting controller and instance, and
// regarding object, resourceVersion included; the note is not part of the key) does not make a new Event: the
// first repeat gives the stored one `series: {count: 2, lastObservedTime}`, later repeats count on. The
// broadcaster forgets an event 6 minutes after it was last seen (finishSeries), so a repeat after that starts
// a new Event. Upstream writes counts past 2 on its 30-minute refresh; here every repeat is written, so
// `kubectl get events` shows the count and LAST SEEN as they stand.
import { Client } from '../client/client'
import { EventRecorder, type InvolvedObject } from '../events/recorder'
import type { CoreEvent, EventType } from '../api/events/types'
import { parseTime, rfc3339Micro } from '../runtime/clock'
import type { World } from '../world'

const FINISH_TIME_MS = 6 * 60_000

const sameRef = (a: CoreEvent['involvedObject'], b: InvolvedObject) =>
  a?.uid === b.uid && a?.resourceVersion === b.resourceVersion && a?.fieldPath === b.fieldPath && a?.name === b.name && a?.kind === b.kind

export class SeriesRecorder {
  private readonly recorder: EventRecorder
  private readonly client: Client

  constructor(
    private readonly world: World,
    private readonly controller: string,
    private readonly instance: string,
  ) {
    this.recorder = new EventRecorder(world, 'kube-scheduler')
    this.client = new Client(world, 'kube-scheduler')
  }

  /** Records `note` about `regarding`, or counts it on the isomorphic event's series. */
  eventf(regarding: InvolvedObject, type: EventType, reason: string, action: string, note: string): void {
    const now = this.world.now()
    const namespace = regarding.namespace ?? 'default'
    const isomorphic = this.world.store
      .eventsAbout<CoreEvent>(namespace, regarding.uid)
      .filter(
        (e) =>
          Boolean(e.eventTime) &&
          e.type === type &&
          e.action === action &&
          e.reason === reason &&
          e.reportingComponent === this.controller &&
          e.reportingInstance === this.instance &&
          sameRef(e.involvedObject, regarding),
      )
      .at(-1)
    const lastSeen = parseTime(isomorphic?.series?.lastObservedTime ?? isomorphic?.eventTime)
    if (isomorphic && lastSeen !== undefined && now - lastSeen <= FINISH_TIME_MS) {
      const count = (isomorphic.series?.count ?? 1) + 1
      this.client.update<CoreEvent>({ ...isomorphic, series: { count, lastObservedTime: rfc3339Micro(now) } })
      return
    }
    this.recorder.modern(regarding, type, reason, action, note, this.controller, this.instance)
  }
}
