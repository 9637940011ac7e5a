import { describe, expect, it, vi } from 'vitest'
import { BRIDGE_KEYS, fromBridge, toBridge, type PodlabBridge } from './bridge'
import { CALL_NAMES, type Delta, type Reply } from './calls'

const clock = { now: '2025-01-01T00:00:00Z', nowMs: 1735689600000, mode: 'manual' as const, paused: false, speed: 1 }

describe('bridge', () => {
  it('names one function per call plus onDelta', () => {
    expect(BRIDGE_KEYS).toEqual([
      'clusterInfo',
      'kubeapiInfo',
      'manifestsApply',
      'tableGet',
      'tableWatch',
      'tableUnwatch',
      'clockGet',
      'clockAdvance',
      'clockPause',
      'clockResume',
      'clockSetSpeed',
      'consoleRun',
      'consoleInput',
      'consoleInterrupt',
      'consoleComplete',
      'consoleEdit',
      // Issue 11 item 2
      'manifestsCheck',
      'podsDetail',
      'actionsRun',
      'clockStepToNextEvent',
      // Issue 11 item 5: lifecycle history
      'historyList',
      'historyVersion',
      // Issue 11 item 4: the whole cluster over time
      'clusterTimeline',
      // Issue 11 items 6 and 7
      'clusterMap',
      'workloadsGraph',
      'schedulingVerdicts',
      'imagesCatalog',
      'onDelta',
    ])
    expect(BRIDGE_KEYS).toHaveLength(CALL_NAMES.length + 1)
  })

  it('round-trips: a PodlabApi call reaches the transport under its call name, with only the request', async () => {
    const invoke = vi.fn(async (): Promise<Reply> => ({ ok: true, result: clock }))
    const listeners: Array<(d: Delta) => void> = []
    const bridge = toBridge(invoke, (l) => {
      listeners.push(l)
      return () => listeners.splice(listeners.indexOf(l), 1)
    })
    expect(Object.keys(bridge)).toEqual(BRIDGE_KEYS)

    const api = fromBridge(bridge)
    await expect(api['clock.setSpeed']({ speed: 4 })).resolves.toEqual({ ok: true, result: clock })
    expect(invoke).toHaveBeenCalledWith('clock.setSpeed', { speed: 4 })

    const seen: Delta[] = []
    const off = api.onDelta((d) => seen.push(d))
    listeners.forEach((l) => l({ type: 'clock', clock }))
    off()
    expect(listeners).toHaveLength(0)
    expect(seen).toEqual([{ type: 'clock', clock }])
  })

  it('says what is missing when the preload and renderer disagree', () => {
    const partial = { clusterInfo: async () => ({}) } as unknown as PodlabBridge
    expect(() => fromBridge(partial)).toThrow(/lacks kubeapiInfo, manifestsApply, .*onDelta/)
  })
})
