import { describe, expect, it } from 'vitest'
import type { SchedulingVerdictView } from '../../main/contract'
import { createPodlabI18n } from '../i18n'
import { explainVerdict } from './why'

const time = (ms: number) => `t${ms}`
const translate = (locale: 'en' | 'ko') => {
  const i18n = createPodlabI18n(locale)
  return (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {})
}

const pending: SchedulingVerdictView = {
  podUid: 'u1',
  namespace: 'default',
  pod: 'huge',
  slot: 'last',
  at: 1000,
  outcome: 'Unschedulable',
  message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.',
  requests: { milliCpu: 2000, memory: 0 },
  allNodes: 3,
  notEvaluated: 0,
  rejected: [
    { node: 'cp', plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
    { node: 'node-2', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'], free: { milliCpu: 1500, memory: 1 } },
  ],
  scored: [],
  scoredNodes: 0,
}

const bound: SchedulingVerdictView = {
  ...pending,
  slot: 'binding',
  outcome: 'Scheduled',
  node: 'node-1',
  message: '',
  rejected: [],
  scored: [
    { node: 'node-2', total: 80, scores: { NodeResourcesFit: 80 } },
    { node: 'node-1', total: 87, scores: { NodeResourcesFit: 87, ImageLocality: 0 } },
  ],
  scoredNodes: 2,
}

describe('why Pending, why this node, in words', () => {
  it('a Pending pod: each node with its reason, the resource shortfall with the numbers', () => {
    const e = explainVerdict(pending, translate('en'), time)
    expect(e.headline).toBe(`Pending since the attempt at t1000: ${pending.message}`)
    expect(e.lines).toEqual([
      'cp: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: } (TaintToleration)',
      'node-2: Insufficient cpu (requests 2, free 1.5)',
    ])
  })

  it('a bound pod: the chosen node and its score, then the others best first', () => {
    const e = explainVerdict(bound, translate('en'), time)
    expect(e.headline).toBe('node-1 chosen at t1000: highest score 87')
    expect(e.lines).toEqual(['node-1 scored NodeResourcesFit 87', 'node-2: score 80'])
  })

  it('keeps the scheduler’s words in English inside the Korean sentence', () => {
    const e = explainVerdict(pending, translate('ko'), time)
    expect(e.lines[1]).toBe('node-2: Insufficient cpu (요청 2, 남은 양 1.5)')
    expect(explainVerdict(bound, translate('ko'), time).headline).toBe('t1000에 node-1 선택: 가장 높은 점수 87')
  })

  it('says a lone feasible node was the only fit, and how many nodes were not looked at', () => {
    const e = explainVerdict({ ...bound, scored: [{ node: 'node-1', total: 0, scores: {} }], scoredNodes: 1, notEvaluated: 40 }, translate('en'), time)
    expect(e.headline).toBe('node-1 chosen at t1000: the only node that fits')
    expect(e.lines).toEqual(['40 nodes not looked at: enough nodes fit before them'])
  })

  it('writes a 5,000-node rejection as the first nodes, then one line per reason with the count of the rest', () => {
    const rejected = Array.from({ length: 5000 }, (_, i) => ({ node: `n-${i}`, plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'], free: { milliCpu: 100, memory: 0 } }))
    const e = explainVerdict({ ...pending, rejected }, translate('en'), time)
    expect(e.lines).toHaveLength(13)
    expect(e.lines[11]).toBe('n-11: Insufficient cpu (requests 2, free 100m)')
    expect(e.lines[12]).toBe('and 4988 more nodes: Insufficient cpu')
  })

  it('says how many more nodes fit with lower scores than those kept', () => {
    expect(explainVerdict({ ...bound, scoredNodes: 230 }, translate('en'), time).lines.at(-1)).toBe('and 228 more nodes that fit, with lower scores')
  })
})
