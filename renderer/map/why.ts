// "Why this node / why Pending" in words, from the scheduler's recorded verdicts (`scheduling.verdicts`): one
// sentence per node, with the numbers the attempt computed ("podlab-worker: Insufficient cpu (requests 100, free
// 3.9)"; "podlab-worker2 chosen: highest score 187"). The reasons are the scheduler's own texts (FailedScheduling's
// words), in English in both languages; the sentence around them is translated.

import type { SchedulingVerdictView, VerdictRejection } from '../../main/contract'
import { formatCpu, formatMemory } from './present'

/** vue-i18n's `t` with named values. */
export type Translate = (key: string, values?: Record<string, unknown>) => string

export interface Explanation {
  /** One line: Pending because..., or bound to ... */
  headline: string
  /** One line per node (rejections, then scores from best), and a note on nodes not looked at. */
  lines: string[]
}

function rejectionLine(r: VerdictRejection, requests: SchedulingVerdictView['requests'], t: Translate): string {
  return r.reasons
    .map((reason) => {
      if (r.free && reason === 'Insufficient cpu') {
        return t('clusterMap.why.insufficient', { node: r.node, reason, requests: formatCpu(requests.milliCpu), free: formatCpu(Math.max(0, r.free.milliCpu)) })
      }
      if (r.free && reason === 'Insufficient memory') {
        return t('clusterMap.why.insufficient', { node: r.node, reason, requests: formatMemory(requests.memory), free: formatMemory(Math.max(0, r.free.memory)) })
      }
      return t('clusterMap.why.rejected', { node: r.node, reason, plugin: r.plugin })
    })
    .join('; ')
}

/** Rejection lines written one per node; past it, one line per reason with the count of the other nodes. */
export const MAX_NODE_LINES = 12

/** The verdict `v` in sentences; `time` formats its virtual time (ms). */
export function explainVerdict(v: SchedulingVerdictView, t: Translate, time: (ms: number) => string): Explanation {
  const lines: string[] = []
  if (v.preFilter) lines.push(t('clusterMap.why.everyNode', { reason: v.preFilter.reasons.join(', '), plugin: v.preFilter.plugin }))
  for (const r of v.rejected.slice(0, MAX_NODE_LINES)) lines.push(rejectionLine(r, v.requests, t))
  // A 5,000-node cluster: the rest by reason ("and 4,988 more nodes: Insufficient cpu").
  const rest = new Map<string, number>()
  for (const r of v.rejected.slice(MAX_NODE_LINES)) for (const reason of r.reasons) rest.set(reason, (rest.get(reason) ?? 0) + 1)
  for (const [reason, count] of rest) lines.push(t('clusterMap.why.moreNodes', { count, reason }))
  const scored = [...v.scored].sort((a, b) => b.total - a.total || (a.node < b.node ? -1 : 1))
  for (const s of scored) {
    if (s.node === v.node && v.outcome === 'Scheduled') continue
    lines.push(t('clusterMap.why.score', { node: s.node, score: s.total }))
  }
  if (v.scoredNodes > v.scored.length) lines.push(t('clusterMap.why.moreScored', { count: v.scoredNodes - v.scored.length }))
  if (v.notEvaluated > 0) lines.push(t('clusterMap.why.notEvaluated', { count: v.notEvaluated }))
  let headline: string
  if (v.outcome === 'Scheduled') {
    const chosen = v.scored.find((s) => s.node === v.node)
    headline =
      v.scored.length <= 1
        ? t('clusterMap.why.onlyFit', { node: v.node ?? '', time: time(v.at) })
        : t('clusterMap.why.chosen', { node: v.node ?? '', score: chosen?.total ?? 0, time: time(v.at) })
    if (chosen && v.scored.length > 1) {
      const parts = Object.entries(chosen.scores)
        .filter(([, n]) => n > 0)
        .map(([plugin, n]) => `${plugin} ${n}`)
      if (parts.length) lines.unshift(t('clusterMap.why.chosenScores', { node: v.node ?? '', scores: parts.join(', ') }))
    }
  } else if (v.outcome === 'Nominated') {
    headline = t('clusterMap.why.nominated', { node: v.node ?? '', time: time(v.at) })
  } else {
    headline = t('clusterMap.why.pending', { time: time(v.at), message: v.message })
  }
  return { headline, lines }
}
