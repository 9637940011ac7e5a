// The pods' heads (object_heads, migration 0007): written with each pod, read by `kubectl get pods`.
//
// A head read back is checked like every row of a file that may come from a stranger, but only for what the
// table reads from it: the row's key, then each field podCells and the row's metadata read, of the JSON type
// they read it as (a `restartCount` of "3" would otherwise print "03", a `containerStatuses` of {} would throw
// a TypeError). The rest of decodeStored's check (the whole decode, validatePod) guards the controllers and the
// kubelet, which never see a head: a head is printed and dropped. So a 150,000-pod `get` checks ~700 bytes a
// pod instead of decoding and validating every whole pod.

import type { KubeObject, WatchEventType } from '../../kube'
import type { Pod } from '../api/pods/types'
import { rfc3339Error } from '../api/decode/scalars'
import { podHead, type PodHead } from '../printers/pod-head'
import type { DB } from './cluster-file'
import { damagedRow } from './open/errors'

/** A pod's key and its head's text; `head` null when object_heads has no row for the pod. */
export interface HeadRow {
  namespace: string
  name: string
  head: string | null
}

type Field = 'string' | 'int' | 'bool' | 'time' | Fields | readonly [Fields]
interface Fields {
  readonly [name: string]: Field
}

const STATE: Fields = {
  waiting: { reason: 'string', message: 'string' },
  running: { startedAt: 'time' },
  terminated: { exitCode: 'int', signal: 'int', reason: 'string', message: 'string', startedAt: 'time', finishedAt: 'time', containerID: 'string' },
}
const CONTAINER_STATUS: Fields = { name: 'string', restartCount: 'int', ready: 'bool', started: 'bool', state: STATE, lastState: STATE }

/** Every field of a PodHead, with the type podCells and makeTable read it as. */
const HEAD: Fields = {
  metadata: { name: 'string', namespace: 'string', uid: 'string', resourceVersion: 'string', creationTimestamp: 'time', deletionTimestamp: 'time' },
  spec: {
    nodeName: 'string',
    readinessGates: [{ conditionType: 'string' }],
    containers: [{ name: 'string' }],
    initContainers: [{ name: 'string', restartPolicy: 'string' }],
  },
  status: {
    phase: 'string',
    reason: 'string',
    nominatedNodeName: 'string',
    podIPs: [{ ip: 'string' }],
    conditions: [{ type: 'string', status: 'string', reason: 'string' }],
    initContainerStatuses: [CONTAINER_STATUS],
    containerStatuses: [CONTAINER_STATUS],
  },
}

/**
 * Times already found valid: the pods of one Deployment share their creation and start times, so 150,000 heads
 * hold a few hundred distinct ones.
 */
const validTimes = new Set<string>()
const MAX_TIMES = 10_000

function isTime(value: string): boolean {
  if (validTimes.has(value)) return true
  if (rfc3339Error(value) !== null) return false
  if (validTimes.size >= MAX_TIMES) validTimes.clear()
  validTimes.add(value)
  return true
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What is wrong with `value` as `field` at `path`; absent and null fields pass (podCells reads them with ?. and ??). */
function fieldProblem(value: unknown, field: Field, path: string): string | undefined {
  if (value === undefined || value === null) return undefined
  switch (field) {
    case 'string':
      return typeof value === 'string' ? undefined : `${path} is not a string`
    case 'int':
      return Number.isSafeInteger(value) ? undefined : `${path} is not a whole number`
    case 'bool':
      return typeof value === 'boolean' ? undefined : `${path} is not true or false`
    case 'time':
      return typeof value === 'string' && isTime(value) ? undefined : `${path} is not an RFC 3339 time`
  }
  if (Array.isArray(field)) {
    if (!Array.isArray(value)) return `${path} is not a list`
    for (let i = 0; i < value.length; i++) {
      // An element is read without ?. (statuses[i].restartCount): null is no element.
      if (!isObject(value[i])) return `${path}[${i}] is not an object`
      const found = fieldProblem(value[i], field[0] as Fields, `${path}[${i}]`)
      if (found) return found
    }
    return undefined
  }
  if (!isObject(value)) return `${path} is not an object`
  for (const name in field as Fields) {
    const found = fieldProblem(value[name], (field as Fields)[name]!, path === '' ? name : `${path}.${name}`)
    if (found) return found
  }
  return undefined
}

function headProblem(row: HeadRow, value: unknown): string | undefined {
  if (!isObject(value)) return 'is not a JSON object'
  if (!isObject(value.metadata) || !isObject(value.spec)) return 'has no metadata or no spec'
  if (value.metadata.name !== row.name) return `has a metadata.name that is not "${row.name}"`
  if ((value.metadata.namespace ?? '') !== row.namespace) return `has a metadata.namespace that is not "${row.namespace}"`
  if (typeof value.metadata.uid !== 'string' || value.metadata.uid === '') return 'has no metadata.uid'
  const found = fieldProblem(value, HEAD, '')
  return found && `has a head whose ${found}`
}

/**
 * The head in `row`, checked for what the pod table reads. Throws ClusterFileDamaged naming the row (and `file`)
 * when the pod has no head or its head is not one Podlab writes.
 */
export function decodeHead(file: string, row: HeadRow): PodHead {
  const at = `pods/${row.namespace}/${row.name}`
  if (row.head === null) throw damagedRow(file, `objects row ${at} has no row in object_heads`)
  let value: unknown
  try {
    value = JSON.parse(row.head)
  } catch {
    throw damagedRow(file, `object_heads row ${at} is not JSON`)
  }
  const found = headProblem(row, value)
  if (found) throw damagedRow(file, `object_heads row ${at} ${found}`)
  return value as PodHead
}

/** object_heads' statements: kept by ObjectStore.write beside each pod it writes, read by listHeads. */
export class ObjectHeads {
  private readonly q

  constructor(private readonly db: DB) {
    this.q = {
      put: db.prepare(
        `INSERT INTO object_heads (resource, namespace, name, head) VALUES ('pods', ?, ?, ?)
         ON CONFLICT (resource, namespace, name) DO UPDATE SET head = excluded.head`,
      ),
      remove: db.prepare("DELETE FROM object_heads WHERE resource = 'pods' AND namespace = ? AND name = ?"),
      // From objects (its primary key covers the scan), so that a head without a pod is never listed and a pod
      // without a head is found; a page at a time after the last key read, as kubectl lists (--chunk-size 500).
      pageAll: db
        .prepare<[string, string, number], [string, string, string | null]>(
          `SELECT o.namespace, o.name, h.head FROM objects o
             LEFT JOIN object_heads h ON h.resource = o.resource AND h.namespace = o.namespace AND h.name = o.name
             WHERE o.resource = 'pods' AND (o.namespace, o.name) > (?, ?) ORDER BY o.namespace, o.name LIMIT ?`,
        )
        .raw(),
      pageNs: db
        .prepare<[string, string, number], [string, string, string | null]>(
          `SELECT o.namespace, o.name, h.head FROM objects o
             LEFT JOIN object_heads h ON h.resource = o.resource AND h.namespace = o.namespace AND h.name = o.name
             WHERE o.resource = 'pods' AND o.namespace = ? AND o.name > ? ORDER BY o.name LIMIT ?`,
        )
        .raw(),
    }
  }

  /** Keeps the head of `object` (a pod, as stamped by ObjectStore.write) in step with its objects row. */
  written(type: WatchEventType, resource: string, object: KubeObject): void {
    if (resource !== 'pods') return
    const namespace = object.metadata.namespace ?? ''
    const name = object.metadata.name ?? ''
    if (type === 'DELETED') this.q.remove.run(namespace, name)
    else this.q.put.run(namespace, name, JSON.stringify(podHead(object as Pod)))
  }

  /**
   * The pods' heads (in `namespace` when given), by namespace and name, read `pageSize` rows at a time: only one
   * page is held, whatever the number of pods.
   */
  *list(namespace?: string, pageSize = 500): Generator<PodHead> {
    // Every page from one snapshot, as a LIST's continue token reads at its first page's resourceVersion: another
    // process committing between two pages must not show a pod twice or not at all.
    const own = !this.db.inTransaction
    if (own) this.db.exec('BEGIN')
    try {
      let after = { namespace: namespace ?? '', name: '' }
      for (;;) {
        const page =
          namespace === undefined
            ? this.q.pageAll.all(after.namespace, after.name, pageSize)
            : this.q.pageNs.all(namespace, after.name, pageSize)
        for (const [ns, name, head] of page) yield decodeHead(this.db.name, { namespace: ns, name, head })
        if (page.length < pageSize) return
        const last = page[page.length - 1]!
        after = { namespace: last[0], name: last[1] }
      }
    } finally {
      if (own) this.db.exec('COMMIT')
    }
  }
}
