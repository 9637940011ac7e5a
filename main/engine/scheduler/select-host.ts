// selectHost (pkg/scheduler/schedule_one.go): the nodes' total scores go into a max-heap (Go's container/heap,
// ported so ties come out in the same order), and among the nodes sharing the top score one is kept by
// reservoir sampling: the k-th tied node replaces the choice with probability 1/k, drawn from the cluster's
// seeded generator.
import type { Rng } from '../runtime/rng'

export interface NodeScore {
  name: string
  totalScore: number
}

function less(h: NodeScore[], i: number, j: number): boolean {
  return (h[i]?.totalScore ?? 0) > (h[j]?.totalScore ?? 0)
}

function swap(h: NodeScore[], i: number, j: number): void {
  const t = h[i] as NodeScore
  h[i] = h[j] as NodeScore
  h[j] = t
}

function down(h: NodeScore[], i0: number, n: number): boolean {
  let i = i0
  for (;;) {
    const j1 = 2 * i + 1
    if (j1 >= n || j1 < 0) break
    let j = j1
    const j2 = j1 + 1
    if (j2 < n && less(h, j2, j1)) j = j2
    if (!less(h, j, i)) break
    swap(h, i, j)
    i = j
  }
  return i > i0
}

function init(h: NodeScore[]): void {
  const n = h.length
  for (let i = Math.floor(n / 2) - 1; i >= 0; i--) down(h, i, n)
}

function pop(h: NodeScore[]): NodeScore {
  const n = h.length - 1
  swap(h, 0, n)
  down(h, 0, n)
  return h.pop() as NodeScore
}

/** The chosen node's name, and the top `count` nodes by score (the ones upstream reports). */
export function selectHost(list: readonly NodeScore[], count: number, rng: Rng): { name: string; top: NodeScore[] } {
  if (list.length === 0) throw new Error('empty priorityList')
  const h = [...list]
  init(h)
  const sorted = [pop(h)]
  const best = (sorted[0] as NodeScore).totalScore
  let cntOfMaxScore = 1
  let selected = 0
  while (h.length > 0) {
    const ns = pop(h)
    if (ns.totalScore !== best && sorted.length === count) break
    if (ns.totalScore === best) {
      cntOfMaxScore++
      if (rng.int(cntOfMaxScore) === 0) selected = cntOfMaxScore - 1
    }
    sorted.push(ns)
  }
  return { name: (sorted[selected] as NodeScore).name, top: sorted.slice(0, count) }
}
