// Issue 11 item 3: pods.detail answers what `kubectl describe pod` and `kubectl get pod -o yaml` say, with the
// engine's container timeline, on a real engine.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { runKubectl } from '../kubectl/run-kubectl'

const kubectl = (e: Engine, args: string[]) => runKubectl(args, { engine: e, readFile: () => '', readStdin: () => '' })
import { Session } from './session'
import { CRASH_LOOP_POD, LIVENESS_EXEC_POD, openTestEngine } from './testing/pod-detail-runs'
import { podDetail } from './pod-detail'

let engine: Engine
beforeEach(() => {
  engine = openTestEngine()
})
afterEach(() => engine.close())

describe('pods.detail', () => {
  it('carries the probe as describe writes it, describe\'s QoS class, and get -o yaml\'s text without managedFields', () => {
    engine.create(LIVENESS_EXEC_POD)
    engine.advance(20_000)
    const d = podDetail(engine, 'default', 'liveness-exec')
    expect(d.probes).toEqual({ liveness: { liveness: 'exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3' } })
    expect(d.qosClass).toBe('BestEffort')
    expect(d.controlledBy).toBe('')
    expect(d.pod.metadata.managedFields).toBeUndefined()
    expect(d.now).toBe(engine.clock().nowMs)
    const get = kubectl(engine, ['get', 'pod', 'liveness-exec', '-o', 'yaml'])
    expect(d.yaml).toBe(get.stdout)
  })

  it('lists the events with describe\'s Age column, in describe\'s order', () => {
    engine.create(CRASH_LOOP_POD)
    engine.advance(120_000)
    const d = podDetail(engine, 'default', 'crash')
    const describe = kubectl(engine, ['describe', 'pod', 'crash']).stdout
    const rows = describe.slice(describe.indexOf('  ----')).split('\n').slice(1).filter((l) => l.trim() !== '')
    // describe's row: Type, Reason, Age, From, Message separated by tabwriter padding.
    expect(rows.map((r) => r.trim().split(/\s{2,}/).slice(0, 4))).toEqual(d.events.map((e) => [e.type, e.reason, e.age, e.from]))
    const backOff = d.events.find((e) => e.reason === 'BackOff')!
    expect(backOff).toMatchObject({ type: 'Warning', from: 'kubelet' })
    expect(backOff.message).toMatch(/^Back-off restarting failed container busybox in pod crash_default/)
    expect(backOff.lastAt).toBeLessThanOrEqual(d.now)
  })

  it('keeps the timeline of this incarnation only: a pod deleted and created again starts afresh', () => {
    engine.create(CRASH_LOOP_POD)
    engine.advance(30_000)
    expect(podDetail(engine, 'default', 'crash').timeline.length).toBeGreaterThan(3)
    engine.delete('pods', 'default', 'crash', { gracePeriodSeconds: 0 })
    engine.advance(2_000)
    engine.create(CRASH_LOOP_POD)
    const fresh = podDetail(engine, 'default', 'crash')
    expect(fresh.timeline).toEqual([])
  })

  it('answers NotFound through a session for a pod that is not there, and BadRequest for a name the API server would refuse', () => {
    const session = new Session(engine, () => {})
    expect(session.call('pods.detail', { namespace: 'default', name: 'nope' })).toEqual({
      ok: false,
      error: { reason: 'NotFound', message: 'pods "nope" not found' },
    })
    expect(session.call('pods.detail', { namespace: 'default', name: 'Nope' })).toMatchObject({ ok: false, error: { reason: 'BadRequest' } })
    engine.create(CRASH_LOOP_POD)
    const reply = session.call('pods.detail', { namespace: 'default', name: 'crash' })
    expect(reply.ok && (reply.result as { pod: { metadata: { name: string } } }).pod.metadata.name).toBe('crash')
    // Crosses IPC and WebSocket as JSON: nothing lost on the way.
    expect(JSON.parse(JSON.stringify(reply))).toEqual(reply)
    session.close()
  })
})
