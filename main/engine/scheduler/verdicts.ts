// The scheduler's recorded verdicts (issue 11 item 6, "why this node / why Pending"): each attempt as it was
// computed — per node the filter that rejected it and its reasons (with the node's free cpu and memory when
// NodeResourcesFit said Insufficient), or its weighted scores, and the chosen node — kept in the cluster file's
// scheduling_verdicts table. Only what the attempt already computed is written (NodeResourcesFit's free cpu and
// memory come with its rejection), in a compact JSON: rejections grouped by plugin and reasons (a 5,000-node
// cluster's "Insufficient cpu" is written once, with its nodes), the MAX_SCORED best scored nodes (and how many
// were scored), score plugin names once; one upsert per attempt. Bounded: per pod the last failed attempt and
// the binding one (a slot each), and MAX_ROWS rows in the file.

import type { Pod } from '../api/pods/types'
import type { RejectedNode, SchedulingVerdict } from '../../kube'
import type { DB } from '../store/cluster-file'
import type { World } from '../world'
import type { Rejection } from './framework'
import { podRequests } from './node-info'
import type { NodeVerdict } from './schedule-one'

/** Rows kept in the whole file: older ones (lowest seq) go first. Two per pod: ~10,000 pods' verdicts. */
export const MAX_ROWS = 20_000
/** Scored nodes kept per attempt, best first: the chosen one is among them (selectHost picks a top score). */
export const MAX_SCORED = 10

export type { CpuMemory, RejectedNode, ScoredNode, SchedulingVerdict } from '../../kube'

/** What the scheduler hands over: the attempt's pieces, as schedule-one and scheduler computed them. */
export interface AttemptRecord {
  outcome: SchedulingVerdict['outcome']
  node?: string
  message?: string
  verdicts: readonly NodeVerdict[]
  notEvaluated: number
  absent?: Rejection
  /** Nodes in the cluster at the attempt. */
  allNodes: number
}

/** The stored JSON: arrays to keep a 5,000-node attempt small. */
interface Stored {
  /** [milliCpu, memory] requested */
  r: [number, number]
  n: number
  ne: number
  pre?: [string, string[]]
  /** Rejections grouped: [plugin, reasons, nodes, free cpu per node?, free memory per node?] */
  x: Array<[string, string[], string[]] | [string, string[], string[], number[], number[]]>
  /** score plugin names, in the order of each scored row's scores */
  p: string[]
  /** [node, total, ...weighted scores in `p`'s order], best first */
  s: Array<[string, number, ...number[]]>
  /** nodes scored in all */
  sn: number
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
  const stored: Stored = { r: [want.milliCpu, want.memory], n: a.allNodes, ne: a.notEvaluated, x: [], p: [], s: [], sn: 0 }
  if (a.absent) stored.pre = [a.absent.plugin, a.absent.reasons]
  const groups = new Map<string, Stored['x'][number]>()
  const scored: NodeVerdict[] = []
  for (const v of a.verdicts) {
    const r = v.rejection
    if (!r) {
      scored.push(v)
      continue
    }
    const key = `${r.plugin}\n${r.reasons.join('\n')}`
    let group = groups.get(key)
    if (!group) {
      group = r.free ? [r.plugin, r.reasons, [], [], []] : [r.plugin, r.reasons, []]
      groups.set(key, group)
      stored.x.push(group)
    }
    group[2].push(v.node)
    if (group.length === 5) {
      group[3].push(r.free?.milliCpu ?? 0)
      group[4].push(r.free?.memory ?? 0)
    }
  }
  stored.sn = scored.length
  // Best first; a stable sort keeps the scheduler's order among equal scores.
  const best = [...scored].sort((x, y) => (y.totalScore ?? 0) - (x.totalScore ?? 0)).slice(0, MAX_SCORED)
  if (a.node && !best.some((v) => v.node === a.node)) {
    const chosen = scored.find((v) => v.node === a.node)
    if (chosen) best[best.length - 1] = chosen
  }
  for (const v of best) {
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
    rejected: s.x.flatMap(([plugin, reasons, nodes, cpu, memory]) =>
      nodes.map((node, i) => {
        const r: RejectedNode = { node, plugin, reasons }
        if (cpu && memory) r.free = { milliCpu: cpu[i] ?? 0, memory: memory[i] ?? 0 }
        return r
      }),
    ),
    scored: s.s.map(([node, total, ...scores]) => ({ node, total, scores: Object.fromEntries(s.p.map((name, i) => [name, scores[i] ?? 0])) })),
    scoredNodes: s.sn,
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
