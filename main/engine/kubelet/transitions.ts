// Why each container changed state (issue 8 item 9): every change of a container's state — waiting, running,
// terminated, or a waiting reason — kept with its cause in the cluster file (`container_transitions`), so the
// UI's timeline can write out the causal chain. The kubelet records what it sees and does; the prober, chaos and
// the node lifecycle controller record through the same recorder, or tell the kubelet the cause of an end they
// bring about (`expectEnd`), which it records when it sees the container gone.

import type { DB } from '../store/cluster-file'
import type { World } from '../world'

// The shapes live in kube/ (pure types), so the doors' contract carries them to the renderer as they are.
import type { ContainerStateName, ContainerTransition, TransitionCause } from '../../kube/transitions'

export type { ContainerStateName, ContainerTransition, TransitionCause }

interface Row {
  pod_uid: string
  namespace: string
  pod: string
  container: string
  container_id: string
  at_ms: number
  from_state: ContainerTransition['from']
  to_state: ContainerStateName
  reason: string
  exit_code: number | null
  cause: string
}

const fromRow = (r: Row): ContainerTransition => {
  const t: ContainerTransition = {
    podUid: r.pod_uid,
    namespace: r.namespace,
    pod: r.pod,
    container: r.container,
    containerId: r.container_id,
    at: r.at_ms,
    from: r.from_state,
    to: r.to_state,
    reason: r.reason,
    cause: JSON.parse(r.cause) as TransitionCause,
  }
  if (r.exit_code !== null) t.exitCode = r.exit_code
  return t
}

/** The cluster file's container_transitions table. */
export class TransitionLog {
  private readonly q

  constructor(db: DB) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO container_transitions (pod_uid, namespace, pod, container, container_id, at_ms, from_state, to_state, reason, exit_code, cause)
         VALUES (@pod_uid, @namespace, @pod, @container, @container_id, @at_ms, @from_state, @to_state, @reason, @exit_code, @cause)`,
      ),
      byUid: db.prepare<[string], Row>('SELECT * FROM container_transitions WHERE pod_uid = ? ORDER BY seq'),
      byName: db.prepare<[string, string], Row>('SELECT * FROM container_transitions WHERE namespace = ? AND pod = ? ORDER BY seq'),
      removePod: db.prepare('DELETE FROM container_transitions WHERE pod_uid = ?'),
    }
  }

  record(t: ContainerTransition): void {
    this.q.insert.run({
      pod_uid: t.podUid,
      namespace: t.namespace,
      pod: t.pod,
      container: t.container,
      container_id: t.containerId,
      at_ms: t.at,
      from_state: t.from,
      to_state: t.to,
      reason: t.reason,
      exit_code: t.exitCode ?? null,
      cause: JSON.stringify(t.cause),
    })
  }

  /** A pod's transitions, oldest first. */
  forPod(podUid: string): ContainerTransition[] {
    return this.q.byUid.all(podUid).map(fromRow)
  }

  /** Every pod named `pod` in `namespace` (each incarnation has its podUid), oldest first. */
  forName(namespace: string, pod: string): ContainerTransition[] {
    return this.q.byName.all(namespace, pod).map(fromRow)
  }
}

const logs = new WeakMap<DB, TransitionLog>()

/** The engine-internal recorder of `world`'s cluster file (one per file). */
export function transitionLog(world: World): TransitionLog {
  let log = logs.get(world.db)
  if (!log) {
    log = new TransitionLog(world.db)
    logs.set(world.db, log)
  }
  return log
}

/** node_state key of the cause someone expects for the end of a container they are about to bring about. */
const expectedKey = (containerId: string) => `expected-end/${containerId}`

/**
 * Tells the kubelet why container `containerId` on `node` is about to end (chaos sending a signal, say): the
 * kubelet records its end with this cause instead of a plain exit. Call it before acting.
 */
export function expectEnd(world: World, node: string, containerId: string, cause: TransitionCause): void {
  world.nodeState.set(node, expectedKey(containerId), cause)
}

/** The cause someone announced for the end of `containerId`, taken (forgotten) as it is read. */
export function takeExpectedEnd(world: World, node: string, containerId: string): TransitionCause | undefined {
  const cause = world.nodeState.get<TransitionCause>(node, expectedKey(containerId))
  if (cause) world.nodeState.remove(node, expectedKey(containerId))
  return cause
}
