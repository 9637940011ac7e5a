// A Node created by a user gets a simulated kubelet: it registers as a kind worker would (addresses, pod range,
// capacity, conditions), serves pods, and leaves nothing behind in node_state or the timers when deleted.

import { describe, expect, it } from 'vitest'
import type { Node } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import { openCluster } from '../open-cluster'
import { pod, tmpFile } from '../testing/cluster'
import { openClusterFile } from '../store/cluster-file'

const nodeNamed = (name: string, body: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, ...body })
const getNode = (engine: ReturnType<typeof openCluster>, name: string) => engine.get('nodes', undefined, name) as Node

describe('a created Node is registered by its kubelet as kind registers a worker', () => {
  it('a manifest with only metadata.name: Ready, the next InternalIP and pod range, the worker shape, the kubelet labels', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(nodeNamed('extra'))
    const node = getNode(engine, 'extra')
    expect(node.spec?.podCIDR).toBe('10.244.4.0/24')
    expect(node.spec?.podCIDRs).toEqual(['10.244.4.0/24'])
    expect(node.status?.addresses).toEqual([
      { type: 'InternalIP', address: '172.18.0.6' },
      { type: 'Hostname', address: 'extra' },
    ])
    expect(node.status?.capacity).toEqual({ cpu: '4', 'ephemeral-storage': '259962224Ki', memory: '8388608Ki', pods: '110' })
    expect(node.status?.allocatable).toEqual(node.status?.capacity)
    expect(node.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True'])
    expect(node.status?.conditions?.[3]).toMatchObject({ reason: 'KubeletReady', message: 'kubelet is posting ready status' })
    expect(node.status?.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.5', osImage: 'Debian GNU/Linux 12 (bookworm)' })
    expect(node.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'extra', 'kubernetes.io/os': 'linux' })
    const table = engine.table('nodes', undefined)
    expect(table.rows.find((r) => r.object.metadata.name === 'extra')?.cells.slice(0, 3)).toEqual(['extra', 'Ready', '<none>'])
  })

  it("takes capacity and allocatable from the manifest's status, as KWOK's nodes do; what it leaves out is the worker's", () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(nodeNamed('big', { status: { capacity: { cpu: '64', memory: '256Gi' }, allocatable: { cpu: '63' } } }))
    const node = getNode(engine, 'big')
    expect(node.status?.capacity).toEqual({ cpu: '64', 'ephemeral-storage': '259962224Ki', memory: '256Gi', pods: '110' })
    expect(node.status?.allocatable).toEqual({ cpu: '63', 'ephemeral-storage': '259962224Ki', memory: '256Gi', pods: '110' })
  })

  it('the not-ready taint a manifest carries is gone once the node is Ready; its own taints stay', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(nodeNamed('t', { spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }, { key: 'gpu', value: 'yes', effect: 'NoSchedule' }] } }))
    expect(getNode(engine, 't').spec?.taints).toEqual([{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }])
  })

  it('addresses stay unique: a deleted node frees its InternalIP and range for the next one, the lowest free first', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    for (const n of ['a', 'b', 'c']) engine.create(nodeNamed(n))
    engine.delete('nodes', undefined, 'b')
    engine.create(nodeNamed('d'))
    expect(getNode(engine, 'd').status?.addresses?.[0]?.address).toBe('172.18.0.7')
    expect(getNode(engine, 'd').spec?.podCIDR).toBe('10.244.5.0/24')
    expect(getNode(engine, 'c').status?.addresses?.[0]?.address).toBe('172.18.0.8')
  })

  it('runs pods: a pod pinned to the new node is Running there with an IP from its range', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(nodeNamed('extra'))
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeSelector: { 'kubernetes.io/hostname': 'extra' }, containers: [{ name: 'c', image: 'nginx' }] } })
    engine.advance(30_000)
    const p = pod(engine, 'p') as Pod
    expect([p.spec.nodeName, p.status?.phase, p.status?.hostIP]).toEqual(['extra', 'Running', '172.18.0.6'])
    expect(p.status?.podIP).toMatch(/^10\.244\.4\.\d+$/)
  })

  it("deleting a node ends its kubelet: its node_state rows and its kubelet timers are gone", () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'manual' })
    engine.create(nodeNamed('extra'))
    // An image that does not exist keeps the kubelet coming back (pull back-off timers).
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'extra', containers: [{ name: 'c', image: 'nginx:1.999' }] } })
    engine.advance(5_000)
    const { db } = openClusterFile(path)
    const rows = () => db.prepare("SELECT count(*) AS n FROM node_state WHERE node = 'extra'").get() as { n: number }
    const timers = () => db.prepare("SELECT count(*) AS n FROM timers WHERE queue = 'kubelet' AND key LIKE 'extra|%'").get() as { n: number }
    expect(rows().n).toBeGreaterThan(0)
    expect(timers().n).toBeGreaterThan(0)
    engine.delete('nodes', undefined, 'extra')
    expect(rows().n).toBe(0)
    expect(timers().n).toBe(0)
    db.close()
    engine.close()
  })
})

describe('a hostNetwork pod (kube-proxy, kindnet, the static pods) uses its node network', () => {
  it("gets its node's InternalIP as pod IP, allocates nothing from the pod range, and gives nothing back when it goes", () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const spec = (name: string, hostNetwork: boolean) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { nodeName: 'podlab-worker', hostNetwork, containers: [{ name: 'c', image: 'nginx' }] },
    })
    engine.create(spec('host', true))
    engine.create(spec('first', false))
    engine.advance(30_000)
    expect(pod(engine, 'host').status?.podIP).toBe(pod(engine, 'host').status?.hostIP)
    const first = pod(engine, 'first').status?.podIP ?? ''
    engine.delete('pods', 'default', 'host', { gracePeriodSeconds: 0 })
    engine.advance(1_000)
    engine.create(spec('second', false))
    engine.advance(30_000)
    // host-local hands out the address after the last one it gave: had `host` given back a node address's
    // host number, the range's bookkeeping would be off.
    const [a, b] = [first, pod(engine, 'second').status?.podIP ?? ''].map((ip) => Number(ip.split('.').pop()))
    expect(b).toBe((a as number) + 1)
  })
})
