// cordon, uncordon and drain on a real cluster (manual clock): the node's spec.unschedulable and the taint the
// node lifecycle controller adds for it, drain's evictions through pods/eviction with the clock run forward while
// kubectl waits (as delete --wait does), and the replacement pod a Deployment makes elsewhere.
import { describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine'
import { manualClusters, MYNGINX } from '../../../engine/testing/cluster'
import { runKubectl } from '../../run-kubectl'

const cluster = manualClusters()
const kubectl = (engine: Engine, ...args: string[]) => runKubectl(args, { engine, readFile: () => '', readStdin: () => '' })
const nodeOf = (engine: Engine, name: string) => (engine.get('pods', 'default', name).spec as { nodeName?: string }).nodeName ?? ''
const unschedulable = (engine: Engine, node: string) => (engine.get('nodes', undefined, node).spec as { unschedulable?: boolean }).unschedulable === true

function deployment(engine: Engine): void {
  engine.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  })
}

/** A cluster whose Deployment `web` runs its one pod, 30 s on: the pod's name and node. */
function runningDeploymentPod(): { engine: Engine; name: string; node: string } {
  const engine = cluster()
  deployment(engine)
  engine.advance(30_000)
  const name = engine.list('pods', 'default').items[0]!.metadata.name ?? ''
  return { engine, name, node: nodeOf(engine, name) }
}

describe('cordon and uncordon on a real cluster', () => {
  it('cordon sets spec.unschedulable, a second cordon says already, uncordon clears it', () => {
    const engine = cluster()
    expect(kubectl(engine, 'cordon', 'podlab-worker')).toEqual({ stdout: 'node/podlab-worker cordoned\n', stderr: '', exitCode: 0 })
    expect(unschedulable(engine, 'podlab-worker')).toBe(true)
    expect(kubectl(engine, 'cordon', 'podlab-worker').stdout).toBe('node/podlab-worker already cordoned\n')
    expect(kubectl(engine, 'uncordon', 'podlab-worker').stdout).toBe('node/podlab-worker uncordoned\n')
    expect(unschedulable(engine, 'podlab-worker')).toBe(false)
    expect(kubectl(engine, 'uncordon', 'podlab-worker').stdout).toBe('node/podlab-worker already uncordoned\n')
  })

  it('--dry-run=client changes nothing', () => {
    const engine = cluster()
    expect(kubectl(engine, 'cordon', 'podlab-worker', '--dry-run=client').stdout).toBe('node/podlab-worker cordoned (dry run)\n')
    expect(unschedulable(engine, 'podlab-worker')).toBe(false)
  })

  it('--dry-run=server: the API server admits the PATCH and stores nothing (cordon, then uncordon of a cordoned node)', () => {
    const engine = cluster()
    const rv = engine.get('nodes', undefined, 'podlab-worker').metadata.resourceVersion
    expect(kubectl(engine, 'cordon', 'podlab-worker', '--dry-run=server')).toEqual({ stdout: 'node/podlab-worker cordoned (server dry run)\n', stderr: '', exitCode: 0 })
    expect(unschedulable(engine, 'podlab-worker')).toBe(false)
    expect(engine.get('nodes', undefined, 'podlab-worker').metadata.resourceVersion).toBe(rv)
    kubectl(engine, 'cordon', 'podlab-worker')
    expect(kubectl(engine, 'uncordon', 'podlab-worker', '--dry-run=server').stdout).toBe('node/podlab-worker uncordoned (server dry run)\n')
    expect(unschedulable(engine, 'podlab-worker')).toBe(true)
  })
})

describe('drain on a real cluster', () => {
  it('refuses a pod no controller manages and the DaemonSet pods, after cordoning, exit 1', () => {
    const engine = cluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    const node = nodeOf(engine, 'mynginx')
    const r = kubectl(engine, 'drain', node)
    expect(r.stdout).toBe(`node/${node} cordoned\n`)
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: unable to drain node "${node}" due to error: \\[cannot delete cannot delete Pods that declare no controller \\(use --force to override\\): default/mynginx, cannot delete DaemonSet-managed Pods \\(use --ignore-daemonsets to ignore\\): kube-system/kindnet-[a-z0-9]+, kube-system/kube-proxy-[a-z0-9]+\\], continuing command...\\nThere are pending nodes to be drained:\\n ${node}\\n`,
      ),
    )
    expect(r.exitCode).toBe(1)
    expect(engine.get('pods', 'default', 'mynginx').metadata.deletionTimestamp).toBeUndefined()
  })

  it('evicts what may go, waits on the virtual clock until it is gone, and the Deployment makes its pod again on another node', () => {
    const engine = cluster()
    deployment(engine)
    engine.advance(30_000)
    const [victim] = engine.list('pods', 'default').items
    const name = victim!.metadata.name ?? ''
    const node = nodeOf(engine, name)
    const before = engine.clock().nowMs
    const r = kubectl(engine, 'drain', node, '--ignore-daemonsets')
    expect(r.stdout).toBe(`node/${node} cordoned\nevicting pod default/${name}\npod/${name} evicted\nnode/${node} drained\n`)
    expect(r.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-system\/kindnet-[a-z0-9]+, kube-system\/kube-proxy-[a-z0-9]+\n$/)
    expect(r.exitCode).toBe(0)
    expect(r.follow).toBeUndefined()
    // kubectl waited: the clock ran while nginx took its grace to stop.
    expect(engine.clock().nowMs).toBeGreaterThan(before)
    engine.advance(30_000)
    const after = engine.list('pods', 'default').items
    expect(after).toHaveLength(1)
    expect(after[0]!.metadata.name).not.toBe(name)
    expect(nodeOf(engine, after[0]!.metadata.name ?? '')).not.toBe(node)
  })

  it('--dry-run=client lists what it would evict and changes nothing', () => {
    const { engine, name, node } = runningDeploymentPod()
    const r = kubectl(engine, 'drain', node, '--ignore-daemonsets', '--dry-run=client')
    expect(r.stdout).toBe(`node/${node} cordoned (dry run)\nevicting pod default/${name} (dry run)\nnode/${node} drained (dry run)\n`)
    expect(unschedulable(engine, node)).toBe(false)
    expect(engine.get('pods', 'default', name).metadata.deletionTimestamp).toBeUndefined()
  })

  it('--dry-run=server evicts through the API server without waiting, and nothing is stored: the pod runs on, the node stays schedulable', () => {
    const { engine, name, node } = runningDeploymentPod()
    const before = engine.clock().nowMs
    const r = kubectl(engine, 'drain', node, '--ignore-daemonsets', '--dry-run=server')
    expect(r.stdout).toBe(`node/${node} cordoned (server dry run)\nevicting pod default/${name} (server dry run)\nnode/${node} drained (server dry run)\n`)
    expect(r.exitCode).toBe(0)
    expect(engine.clock().nowMs).toBe(before)
    expect(unschedulable(engine, node)).toBe(false)
    const pod = engine.get('pods', 'default', name)
    expect(pod.metadata.deletionTimestamp).toBeUndefined()
    expect(((pod.status as { conditions?: Array<{ type: string }> }).conditions ?? []).map((c) => c.type)).not.toContain('DisruptionTarget')
  })

  it('a pod that cannot go (its node is powered off): kubectl stops running the clock after its grace + 30 s and goes on as a Follow, which ends when the node is back', () => {
    const { engine, name, node } = runningDeploymentPod()
    engine.powerNode(node, 'stop')
    const before = engine.clock().nowMs
    const r = kubectl(engine, 'drain', node, '--ignore-daemonsets')
    expect(r.stdout).toBe(`node/${node} cordoned\nevicting pod default/${name}\n`)
    expect(r.exitCode).toBe(0)
    expect(engine.clock().nowMs - before).toBe(60_000)
    let out = ''
    let ended: number | undefined
    r.follow!.start(
      (_s, text) => (out += text),
      (code) => (ended = code),
    )
    engine.advance(10_000)
    expect({ out, ended }).toEqual({ out: '', ended: undefined })
    engine.powerNode(node, 'start')
    for (let i = 0; i < 120 && ended === undefined; i++) engine.advance(1_000)
    expect({ out, ended }).toEqual({ out: `pod/${name} evicted\nnode/${node} drained\n`, ended: 0 })
  })

  it('--timeout runs out while a pod is still there: the pending pod, the node not drained, exit 1', () => {
    const { engine, name, node } = runningDeploymentPod()
    engine.powerNode(node, 'stop')
    const r = kubectl(engine, 'drain', node, '--ignore-daemonsets', '--timeout=5s')
    const err = `error when waiting for pod "${name}" in namespace "default" to terminate: context deadline exceeded`
    expect(r.stdout).toBe(`node/${node} cordoned\nevicting pod default/${name}\n`)
    expect(r.stderr.split('\n').slice(1).join('\n')).toBe(
      `There are pending pods in node "${node}" when an error occurred: ${err}\npod/${name}\n` +
        `error: unable to drain node "${node}" due to error: ${err}, continuing command...\nThere are pending nodes to be drained:\n ${node}\n${err}\n`,
    )
    expect(r.exitCode).toBe(1)
  })
})
