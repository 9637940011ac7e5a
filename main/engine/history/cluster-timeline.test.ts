// Issue 11 item 4: each pod's STATUS over virtual time, computed from history in one pass and then kept up to
// date (Engine.clusterTimeline), against a real engine run.
import { afterEach, describe, expect, it } from 'vitest'
import { POD_STATUS_GROUPS, type ClusterTimeline } from '../../kube'
import type { Engine } from '../engine'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))
const open = (file: string) => {
  const engine = openCluster(file, { mode: 'manual' })
  opened.push(engine)
  return engine
}
const podOf = (name: string, container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', ...container }], ...extra },
})

/** A pod's intervals as `STATUS(group) from..to` in seconds since `t0`. */
function rowOf(t: ClusterTimeline, name: string, t0: number): string[] {
  const pod = t.pods.findIndex((p) => p.name === name)
  return t.intervals
    .filter((i) => i[0] === pod)
    .map(([, from, to, code, label]) => `${t.labels[label]}(${POD_STATUS_GROUPS[code]}) ${(from - t0) / 1000}..${(to - t0) / 1000}`)
}

describe('the cluster timeline', () => {
  it("draws a crash-looping pod: ContainerCreating, then Error and CrashLoopBackOff in turn, back-offs of 10, 20, 40 s, one interval after another", () => {
    const engine = open(tmpFile())
    const t0 = engine.clock().nowMs
    engine.create(podOf('crash', { image: 'busybox', command: ['sh', '-c', 'exit 1'] }))
    engine.advance(90_000)
    const t = engine.clusterTimeline()
    const row = rowOf(t, 'crash', t0)
    // Pending and ContainerCreating are written in one instant here (scheduled and started at once): no Pending time.
    expect(row[0]).toMatch(/^ContainerCreating\(Waiting\) 0\.\.\d/)
    const labels = row.slice(1).map((r) => r.split(' ')[0])
    expect(labels).toEqual(labels.map((_l, k) => (k % 2 === 0 ? 'Error(Failed)' : 'CrashLoopBackOff(CrashLoopBackOff)')))
    // Back-offs of 10 s, 20 s, 40 s (pkg/kubelet/kubelet.go: backOffPeriod 10 s doubling up to 5 min).
    const loops = t.intervals.filter((i) => t.labels[i[4]] === 'CrashLoopBackOff' && i[2] < t.now).map((i) => i[2] - i[1])
    expect(loops).toEqual([10_000, 20_000, 40_000])
    // One after another: each starts where the one before ended; the last one is open, ending now.
    const mine = t.intervals.filter((i) => t.pods[i[0]]!.name === 'crash')
    for (let k = 1; k < mine.length; k++) expect(mine[k]![1]).toBe(mine[k - 1]![2])
    expect(mine.at(-1)![2]).toBe(engine.clock().nowMs)
    expect(t.pods.find((p) => p.name === 'crash')).toMatchObject({ namespace: 'default', name: 'crash', owner: '', node: expect.stringMatching(/.+/) })
  })

  it('ends a deleted pod at its deletion, after Terminating, and names its controller', () => {
    const engine = open(tmpFile())
    engine.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    })
    engine.advance(20_000)
    const name = engine.list('pods', 'default').items[0]!.metadata.name!
    engine.delete('pods', 'default', name)
    engine.advance(60_000)
    const t = engine.clusterTimeline()
    const gone = t.pods.findIndex((p) => p.name === name)
    expect(t.pods[gone]!.owner).toMatch(/^ReplicaSet\/web-[a-z0-9]+$/)
    const mine = t.intervals.filter((i) => i[0] === gone)
    expect(POD_STATUS_GROUPS[mine.at(-1)![3]]).toBe('Terminating')
    expect(mine.at(-1)![2]).toBeLessThan(t.now)
    expect(t.pods.filter((p) => p.namespace === 'default').length).toBe(2)
  })

  it('gives the same answer kept up to date as computed afresh from the file', () => {
    const file = tmpFile()
    const engine = open(file)
    engine.create(podOf('crash', { image: 'busybox', command: ['sh', '-c', 'exit 1'] }))
    engine.create(podOf('web', { image: 'nginx' }))
    engine.advance(15_000)
    engine.clusterTimeline()
    engine.advance(45_000)
    const kept = engine.clusterTimeline()
    engine.close()
    opened.length = 0
    expect(open(file).clusterTimeline()).toEqual(kept)
  })

  it('keeps only the pods with time in [from, to]', () => {
    const engine = open(tmpFile())
    const t0 = engine.clock().nowMs
    engine.create(podOf('early', { image: 'busybox', command: ['sh', '-c', 'exit 0'] }, { restartPolicy: 'Never' }))
    engine.advance(30_000)
    engine.delete('pods', 'default', 'early', { gracePeriodSeconds: 0 })
    engine.advance(30_000)
    engine.create(podOf('late', { image: 'nginx' }))
    engine.advance(10_000)
    const mine = (t: ClusterTimeline) => t.pods.filter((p) => p.namespace === 'default').map((p) => p.name)
    expect(mine(engine.clusterTimeline(t0 + 65_000))).toEqual(['late'])
    expect(mine(engine.clusterTimeline(t0, t0 + 20_000))).toEqual(['early'])
    expect(mine(engine.clusterTimeline())).toEqual(['early', 'late'])
    // Rows come in the order the pods were created: the cluster's own first, then ours.
    expect(engine.clusterTimeline().pods.at(-1)?.name).toBe('late')
  })
})
