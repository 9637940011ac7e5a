import { describe, expect, it } from 'vitest'
import type { ClusterMap } from '../../main/contract'
import { drawnCount, formatCpu, formatMemory, inNamespace, isPullFailure, nodeTone, percent, podRoute, resourceBars, statusTone, taintText } from './present'

describe('the cluster map presenter', () => {
  it.each([
    ['Running', 'ok'],
    ['Completed', 'done'],
    ['Pending', 'progress'],
    ['ContainerCreating', 'progress'],
    ['Init:0/2', 'progress'],
    ['Terminating', 'progress'],
    ['CrashLoopBackOff', 'error'],
    ['ImagePullBackOff', 'error'],
    ['Init:CrashLoopBackOff', 'error'],
    ['OOMKilled', 'error'],
    ['Signal:9', 'error'],
    ['ExitCode:3', 'error'],
    ['NotAStatusKubectlPrints', 'other'],
  ])('colours STATUS %s as %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone)
  })

  it('links only the pull failures to the image catalog', () => {
    expect(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'CrashLoopBackOff', 'Running'].map(isPullFailure)).toEqual([true, true, true, false, false])
  })

  it('writes cpu and memory as kubectl quantities do', () => {
    expect([250, 1000, 1500, 100_000, 3900].map(formatCpu)).toEqual(['250m', '1', '1.5', '100', '3.9'])
    expect([64 * 1024 * 1024, 8 * 1024 ** 3, 1536, 12].map(formatMemory)).toEqual(['64Mi', '8Gi', '2Ki', '12'])
  })

  it('draws requested of allocatable as a bar, capped at full width but saying when overcommitted', () => {
    expect(percent(1, 0)).toBe(0)
    const bars = resourceBars({ requested: { milliCpu: 6000, memory: 512 * 1024 * 1024 }, allocatable: { milliCpu: 4000, memory: 8 * 1024 ** 3 } })
    expect(bars.cpu).toEqual({ width: 100, label: '6 / 4 (150%)', over: true })
    expect(bars.memory).toEqual({ width: 6, label: '512Mi / 8Gi (6%)', over: false })
  })

  it('writes a taint as describe node does', () => {
    expect(taintText({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' })).toBe('node-role.kubernetes.io/control-plane:NoSchedule')
    expect(taintText({ key: 'dedicated', value: 'gpu', effect: 'NoExecute' })).toBe('dedicated=gpu:NoExecute')
  })

  it('tones a node: Ready ok, cordoned apart, NotReady and Unknown as errors', () => {
    const node = (ready: 'Ready' | 'NotReady' | 'Unknown', cordoned = false) => ({ ready, cordoned }) as Parameters<typeof nodeTone>[0]
    expect([node('Ready'), node('Ready', true), node('NotReady'), node('Unknown')].map(nodeTone)).toEqual(['ok', 'other', 'error', 'error'])
  })

  it('counts the pods drawn in the boxes and the unscheduled box', () => {
    const pod = { namespace: 'default', name: 'p', status: 'Running', ready: '1/1', restarts: 0, ip: '', node: 'n', images: [] }
    const map = { nodes: [{ pods: [pod, pod] }, { pods: [pod] }], unscheduled: [pod], totalPods: 10, omittedPods: 6 } as unknown as ClusterMap
    expect(drawnCount(map)).toBe(4)
  })

  it('links a pod to its detail route, escaped', () => {
    expect(podRoute({ namespace: 'default', name: 'web-1' })).toBe('/pods/default/web-1')
  })
})

describe('the map of one namespace', () => {
  const pod = (namespace: string, name: string, node = 'n1') => ({ namespace, name, status: 'Running', ready: '1/1', restarts: 0, ip: '', node, images: [] })
  const map = {
    nodes: [{ name: 'n1', pods: [pod('default', 'web'), pod('kube-system', 'kindnet-a'), pod('kube-system', 'kube-proxy-a')] }],
    unscheduled: [pod('default', 'huge', ''), pod('other', 'x', '')],
    totalPods: 5,
    omittedPods: 0,
  } as unknown as ClusterMap

  it('keeps the namespace’s pods and counts the others on each node', () => {
    const shown = inNamespace(map, 'default')
    expect(shown.nodes[0]?.pods.map((p) => p.name)).toEqual(['web'])
    expect(shown.nodes[0]?.hidden).toBe(2)
    expect(shown.unscheduled.map((p) => p.name)).toEqual(['huge'])
    expect(shown.shownPods).toBe(2)
  })

  it('keeps every pod for all namespaces', () => {
    const shown = inNamespace(map, undefined)
    expect(shown.nodes[0]?.hidden).toBe(0)
    expect(shown.shownPods).toBe(5)
  })
})
