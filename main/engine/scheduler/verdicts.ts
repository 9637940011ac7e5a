// The scheduler's recorded verdicts (issue 11 item 6, "why this node / why Pending"): each attempt as it was
// computed — per node the filter that rejected it and its reasons (with the node's free cpu and memory when
// NodeResourcesFit said Insufficient), or its weighted scores, and the chosen node — kept in the cluster file's
// scheduling_verdicts table. Only what the attempt already computed is written, in a compact JSON (arrays,
// score plugin names once), one upsert per attempt: a 5,000-node attempt must not get measurably slower.
// Bounded: per pod the last failed attempt and the binding one (a slot each), and MAX_ROWS rows in the file.

import type { Pod } from '../api/pods/types'
import type { DB } from '../store/cluster-file'
import type { World } from '../world'
import type { Rejection } from './framework'
import { NODE_RESOURCES_FIT } from './filters/node-resources-fit'
import { allocatableOf, podRequests, type NodeInfo } from './node-info'
import type { NodeVerdict } from './schedule-one'

/** Rows kept in the whole file: older ones (lowest seq) go first. Two per pod: ~10,000 pods' verdicts. */
export const MAX_ROWS = 20_000

/** CPU in millicores and memory in bytes. */
export interface CpuMemory {
  milliCpu: number
  memory: number
}

/** One node a filter rejected: the plugin, its reasons (`Insufficient cpu`), what the node had free when resources were short. */
export interface RejectedNode {
  node: string
  plugin: string
  reasons: string[]
  free?: CpuMemory
}

/** One feasible node: its total and per-plugin weighted scores (empty when a single node fit: no scoring). */
export interface ScoredNode {
  node: string
  total: number
  scores: Record<string, number>
}

/** One recorded scheduling attempt of one pod, as the engine face returns it. Times in virtual ms. */
export interface SchedulingVerdict {
  podUid: string
  namespace: string
  pod: string
  /** `last`: the latest attempt that did not bind; `binding`: the one that bound the pod. */
  slot: 'last' | 'binding'
  at: number
  outcome: 'Scheduled' | 'Unschedulable' | 'Nominated'
  /** The node bound to, or nominated by preemption. */
  node?: string
  /** The FailedScheduling text; '' for a binding. */
  message: string
  /** What the pod requests (the scheduler's sum: containers, init containers, overhead). */
  requests: CpuMemory
  /** Nodes in the cluster at the attempt. */
  allNodes: number
  /** Nodes not looked at because enough fit (percentageOfNodesToScore). */
  notEvaluated: number
  /** A PreFilter rejection that applied to every node (or to the nodes PreFilter left out). */
  preFilter?: { plugin: string; reasons: string[] }
  rejected: RejectedNode[]
  scored: ScoredNode[]
}

/** What the scheduler hands over: the attempt's pieces, as schedule-one and scheduler computed them. */
export interface AttemptRecord {
  outcome: SchedulingVerdict['outcome']
  node?: string
  message?: string
  verdicts: readonly NodeVerdict[]
  notEvaluated: number
  absent?: Rejection
  /** The nodes of the attempt's snapshot, to read the free resources of those NodeResourcesFit rejected. */
  nodes: readonly NodeInfo[]
}

/** The stored JSON: arrays to keep a 5,000-node attempt small. */
interface Stored {
  /** [milliCpu, memory] requested */
  r: [number, number]
  n: number
  ne: number
  pre?: [string, string[]]
  /** [node, plugin, reasons, freeMilliCpu?, freeMemory?] */
  x: Array<[string, string, string[]] | [string, string, string[], number, number]>
  /** score plugin names, in the order of each scored row's scores */
  p: string[]
  /** [node, total, ...weighted scores in `p`'s order] */
  s: Array<[string, number, ...number[]]>
}

interface Row {
  pod_uid: string
  namespace: string
  pod: string
  slot: 'last' | 'binding'
  at_ms: number
  outcome: SchedulingVerdict['outcome']
  node: string
  message: string
  verdict: string
}

function encode(pod: Pod, a: AttemptRecord): Stored {
  const want = podRequests(pod)
  const stored: Stored = { r: [want.milliCpu, want.memory], n: a.nodes.length, ne: a.notEvaluated, x: [], p: [], s: [] }
  if (a.absent) stored.pre = [a.absent.plugin, a.absent.reasons]
  let infos: Map<string, NodeInfo> | undefined
  for (const v of a.verdicts) {
    if (v.rejection) {
      if (v.rejection.plugin !== NODE_RESOURCES_FIT) {
        stored.x.push([v.node, v.rejection.plugin, v.rejection.reasons])
        continue
      }
      // Only a resource shortfall needs the node's numbers; the map is built once, when the first one comes.
      infos ??= new Map(a.nodes.map((i) => [i.node.metadata.name ?? '', i]))
      const info = infos.get(v.node)
      if (!info) stored.x.push([v.node, v.rejection.plugin, v.rejection.reasons])
      else {
        const alloc = allocatableOf(info.node)
        stored.x.push([v.node, v.rejection.plugin, v.rejection.reasons, alloc.milliCpu - info.requested.milliCpu, alloc.memory - info.requested.memory])
      }
      continue
    }
    const scores = v.scores ?? {}
    if (stored.p.length === 0) stored.p = Object.keys(scores)
    stored.s.push([v.node, v.totalScore ?? 0, ...stored.p.map((name) => scores[name] ?? 0)])
  }
  return stored
}

function decode(row: Row): SchedulingVerdict {
  const s = JSON.parse(row.verdict) as Stored
  const verdict: SchedulingVerdict = {
    podUid: row.pod_uid,
    namespace: row.namespace,
    pod: row.pod,
    slot: row.slot,
    at: row.at_ms,
    outcome: row.outcome,
    message: row.message,
    requests: { milliCpu: s.r[0], memory: s.r[1] },
    allNodes: s.n,
    notEvaluated: s.ne,
    rejected: s.x.map(([node, plugin, reasons, cpu, memory]) => {
      const r: RejectedNode = { node, plugin, reasons }
      if (cpu !== undefined && memory !== undefined) r.free = { milliCpu: cpu, memory }
      return r
    }),
    scored: s.s.map(([node, total, ...scores]) => ({ node, total, scores: Object.fromEntries(s.p.map((name, i) => [name, scores[i] ?? 0])) })),
  }
  if (row.node) verdict.node = row.node
  if (s.pre) verdict.preFilter = { plugin: s.pre[0], reasons: s.pre[1] }
  return verdict
}

/** The cluster file's scheduling_verdicts table. */
export class VerdictLog {
  private readonly q

  constructor(db: DB) {
    this.q = {
      upsert: db.prepare(
        `INSERT OR REPLACE INTO scheduling_verdicts (pod_uid, namespace, pod, slot, at_ms, outcome, node, message, verdict)
         VALUES (@pod_uid, @namespace, @pod, @slot, @at_ms, @outcome, @node, @message, @verdict)`,
      ),
      trim: db.prepare('DELETE FROM scheduling_verdicts WHERE seq <= ?'),
      byName: db.prepare<[string, string], Row>('SELECT * FROM scheduling_verdicts WHERE namespace = ? AND pod = ? ORDER BY seq'),
    }
  }

  /** Records `attempt` of `pod` at virtual time `atMs`, replacing the pod's previous one of the same slot. */
  record(pod: Pod, atMs: number, attempt: AttemptRecord): void {
    const { lastInsertRowid } = this.q.upsert.run({
      pod_uid: pod.metadata.uid ?? '',
      namespace: pod.metadata.namespace ?? '',
      pod: pod.metadata.name ?? '',
      slot: attempt.outcome === 'Scheduled' ? 'binding' : 'last',
      at_ms: atMs,
      outcome: attempt.outcome,
      node: attempt.node ?? '',
      message: attempt.message ?? '',
      verdict: JSON.stringify(encode(pod, attempt)),
    })
    // Deterministic bound: the seq is the file's, so every process trims the same rows.
    const seq = Number(lastInsertRowid)
    if (seq > MAX_ROWS) this.q.trim.run(seq - MAX_ROWS)
  }

  /** The verdicts kept for the pods named `pod` in `namespace` (every incarnation), oldest first. */
  forName(namespace: string, pod: string): SchedulingVerdict[] {
    return this.q.byName.all(namespace, pod).map(decode)
  }
}

const logs = new WeakMap<DB, VerdictLog>()

/** The engine-internal verdict log of `world`'s cluster file (one per file). */
export function verdictLog(world: World): VerdictLog {
  let log = logs.get(world.db)
  if (!log) {
    log = new VerdictLog(world.db)
    logs.set(world.db, log)
  }
  return log
}
