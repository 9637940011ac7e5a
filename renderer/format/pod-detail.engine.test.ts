// Issue 11 item 3: describe's facts laid out for people, from pods a real engine made.
import { beforeAll, describe, expect, it } from 'vitest'
import type { PodDetail } from '../../main/contract'
import { CRASH_LOOP_POD, LIVENESS_EXEC_POD, detailAfter } from '../../main/door/testing/pod-detail-runs'
import { containerViews, podConditions, podFacts, podLabels } from './pod-detail'

let crash: PodDetail
let liveness: PodDetail
let pending: PodDetail
beforeAll(() => {
  crash = detailAfter(CRASH_LOOP_POD, 120)
  liveness = detailAfter(LIVENESS_EXEC_POD, 20)
  // Asks for more CPU than any node has: never scheduled, so no status for its containers.
  pending = detailAfter({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'huge' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1000' } } }] } }, 5)
})

const fact = (d: PodDetail, label: string) => podFacts(d).find((f) => f.label === label)?.value

describe('the pod facts', () => {
  it('writes Node as describe does (node/hostIP), the phase, the pod IP and the QoS class', () => {
    const status = crash.pod.status as { hostIP: string; podIP: string; startTime: string }
    expect(fact(crash, 'node')).toBe(`${(crash.pod.spec as { nodeName: string }).nodeName}/${status.hostIP}`)
    expect(fact(crash, 'status')).toBe('Running')
    expect(fact(crash, 'ip')).toBe(status.podIP)
    expect(fact(crash, 'qos')).toBe('BestEffort')
    expect(fact(crash, 'namespace')).toBe('default')
    // Scheduled and started within the first second; the clock ran 120 s: kubectl's HumanDuration of it.
    expect(fact(crash, 'startTime')).toBe(`${status.startTime} (2m)`)
    expect(podLabels(crash)).toEqual(['app=crash'])
    expect(podConditions(crash).map((c) => c.type)).toContain('Ready')
  })

  it('says Node <none> for a pod no node took, and gives its containers no status', () => {
    expect(fact(pending, 'node')).toBe('<none>')
    expect(fact(pending, 'status')).toBe('Pending')
    expect(containerViews(pending)[0]).toMatchObject({ name: 'c', hasStatus: false, restartCount: 0 })
  })
})

describe('the containers', () => {
  it('a crash loop: Waiting CrashLoopBackOff, last state Terminated Error exit code 1, restarts as the status counts them', () => {
    const [c] = containerViews(crash)
    expect(c).toMatchObject({ name: 'busybox', image: 'busybox', init: false, hasStatus: true, ready: false })
    expect(c!.state).toEqual({ state: 'Waiting', reason: 'CrashLoopBackOff', message: expect.stringContaining('back-off') })
    expect(c!.lastState).toMatchObject({ state: 'Terminated', reason: 'Error', exitCode: 1 })
    expect(c!.restartCount).toBe((crash.pod.status as { containerStatuses: Array<{ restartCount: number }> }).containerStatuses[0]!.restartCount)
    expect(c!.restartCount).toBeGreaterThan(2)
    expect(c!.probes).toEqual([])
  })

  it('the liveness example: Running with its age, and its probe in describe\'s words', () => {
    const [c] = containerViews(liveness)
    expect(c!.state).toMatchObject({ state: 'Running' })
    expect(c!.state.state === 'Running' && c!.state.age).toMatch(/^1\ds$/)
    expect(c!.lastState).toBeNull()
    expect(c!.probes).toEqual([{ kind: 'liveness', text: 'exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3' }])
  })
})
