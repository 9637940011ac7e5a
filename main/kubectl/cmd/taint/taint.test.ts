// `kubectl taint` on a real cluster (manual clock): the node's spec.taints as kubectl patches them, and what they
// do: a NoExecute taint makes the taint eviction controller delete the pods that do not tolerate it.
import { describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine'
import { manualClusters, MYNGINX } from '../../../engine/testing/cluster'
import { runKubectl } from '../../run-kubectl'

const cluster = manualClusters()
const kubectl = (engine: Engine, ...args: string[]) => runKubectl(args, { engine, readFile: () => '', readStdin: () => '' })
const taints = (engine: Engine, node: string) => (engine.get('nodes', undefined, node).spec as { taints?: unknown[] }).taints ?? []

describe('kubectl taint on a real cluster', () => {
  it('adds, refuses the same key and effect without --overwrite, overwrites, removes, and says a missing one is not found', () => {
    const engine = cluster()
    expect(kubectl(engine, 'taint', 'nodes', 'podlab-worker', 'dedicated=gpu:NoSchedule')).toEqual({ stdout: 'node/podlab-worker tainted\n', stderr: '', exitCode: 0 })
    expect(taints(engine, 'podlab-worker')).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }])
    expect(kubectl(engine, 'taint', 'nodes', 'podlab-worker', 'dedicated=cpu:NoSchedule').stderr).toBe(
      'error: node podlab-worker already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    )
    expect(kubectl(engine, 'taint', 'nodes', 'podlab-worker', 'dedicated=cpu:NoSchedule', '--overwrite').stdout).toBe('node/podlab-worker modified\n')
    expect(taints(engine, 'podlab-worker')).toEqual([{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }])
    expect(kubectl(engine, 'taint', 'nodes', 'podlab-worker', 'dedicated-').stdout).toBe('node/podlab-worker untainted\n')
    expect(taints(engine, 'podlab-worker')).toEqual([])
    expect(kubectl(engine, 'taint', 'nodes', 'podlab-worker', 'dedicated-')).toEqual({ stdout: '', stderr: 'error: taint "dedicated" not found\n', exitCode: 1 })
  })

  it('a NoExecute taint evicts the pods on the node that do not tolerate it', () => {
    const engine = cluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    const node = (engine.get('pods', 'default', 'mynginx').spec as { nodeName?: string }).nodeName ?? ''
    expect(kubectl(engine, 'taint', 'nodes', node, 'maintenance=now:NoExecute').stdout).toBe(`node/${node} tainted\n`)
    engine.advance(60_000)
    expect(engine.list('pods', 'default').items).toEqual([])
  })
})
