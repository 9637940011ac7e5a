// polymorphichelpers' selector and podutils' orders, ported: which pod `logs deploy/x` and `exec deploy/x` mean.
import { describe, expect, it } from 'vitest'
import { activePods, byLogging, selectorString, type PodLike } from './pod-for-object'

const pod = (name: string, o: { node?: string; phase?: string; ready?: string; restarts?: number; created?: string; deleting?: string } = {}): PodLike => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, creationTimestamp: o.created ?? '2025-01-01T00:00:00Z', ...(o.deleting ? { deletionTimestamp: o.deleting } : {}) },
  spec: { nodeName: o.node ?? 'n1', containers: [{ name: 'c' }] },
  status: {
    phase: o.phase ?? 'Running',
    conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.ready }] : [],
    containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 }],
  },
})

const order = (pods: PodLike[], less: (a: PodLike, b: PodLike) => boolean) => [...pods].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0)).map((p) => p.metadata.name)

describe('selectorString (LabelSelectorAsSelector(...).String())', () => {
  it('requirements sorted by key, in kubectl\'s syntax', () => {
    expect(
      selectorString({
        matchLabels: { tier: 'web', app: 'x' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'zz', operator: 'DoesNotExist' },
          { key: 'b', operator: 'Exists' },
          { key: 'c', operator: 'NotIn', values: ['1'] },
        ],
      }),
    ).toBe('app=x,b,c notin (1),env in (dev,prod),tier=web,!zz')
  })
})

describe('ByLogging (logs): the pod most worth reading first', () => {
  it('assigned before unassigned, Running before Pending, ready before not, longest ready, most restarts, oldest', () => {
    const pods = [
      pod('unassigned', { node: '' }),
      pod('pending', { phase: 'Pending' }),
      pod('not-ready'),
      pod('ready-late', { ready: '2025-01-01T00:05:00Z' }),
      pod('ready-early', { ready: '2025-01-01T00:01:00Z' }),
    ]
    expect(order(pods, byLogging)).toEqual(['ready-early', 'ready-late', 'not-ready', 'pending', 'unassigned'])
    expect(order([pod('few', { restarts: 1 }), pod('many', { restarts: 4 })], byLogging)).toEqual(['many', 'few'])
    expect(order([pod('new', { created: '2025-01-02T00:00:00Z' }), pod('old')], byLogging)).toEqual(['old', 'new'])
  })
})

describe('ActivePods reversed (exec): the most active pod first', () => {
  it('assigned, running, ready, not deleting, ready longest ago... last in ActivePods order', () => {
    const pods = [pod('unassigned', { node: '' }), pod('pending', { phase: 'Pending' }), pod('ready', { ready: '2025-01-01T00:01:00Z' }), pod('deleting', { ready: '2025-01-01T00:01:00Z', deleting: '2025-01-01T00:09:00Z' })]
    expect(order(pods, (a, b) => activePods(b, a))).toEqual(['ready', 'deleting', 'pending', 'unassigned'])
  })
})
