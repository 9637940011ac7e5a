import { describe, expect, it } from 'vitest'
import type { ClockState } from '../../main/kube'
import { fakeApi, piniaWith } from '../testing/fake-api'
import { useClockStore } from './clock'

const at = (nowMs: number, extra: Partial<ClockState> = {}): ClockState => ({
  now: new Date(nowMs).toISOString().replace(/\.\d+Z$/, 'Z'),
  nowMs,
  mode: 'realtime',
  paused: false,
  speed: 1,
  ...extra,
})

describe('useClockStore', () => {
  it('loads the clock, then follows clock deltas', async () => {
    const fake = fakeApi()
    fake.answer('clock.get', () => ({ ok: true, result: at(1000) }))
    const clock = useClockStore(piniaWith(fake.api))
    expect(clock.state).toBeNull()
    await clock.load()
    expect(clock.state?.nowMs).toBe(1000)
    fake.push({ type: 'clock', clock: at(5000, { speed: 2 }) })
    expect(clock.state).toMatchObject({ nowMs: 5000, speed: 2 })
  })

  it('ignores table deltas', () => {
    const fake = fakeApi()
    const clock = useClockStore(piniaWith(fake.api))
    fake.push({ type: 'table', view: { resource: 'pods' }, table: {} as never })
    expect(clock.state).toBeNull()
  })

  it.each([
    ['pause', () => useClockStore().pause(), 'clock.pause', {}],
    ['resume', () => useClockStore().resume(), 'clock.resume', {}],
    ['setSpeed', () => useClockStore().setSpeed(50), 'clock.setSpeed', { speed: 50 }],
    ['advance', () => useClockStore().advance(60), 'clock.advance', { seconds: 60 }],
  ] as const)('%s calls %s and shows the clock it answers', async (_name, act, call, request) => {
    const fake = fakeApi()
    fake.answer(call, () => ({ ok: true, result: at(42_000, { paused: call === 'clock.pause' }) }))
    piniaWith(fake.api)
    const clock = useClockStore()
    await act()
    expect(fake.calls).toEqual([{ call, request }])
    expect(clock.state?.nowMs).toBe(42_000)
    expect(clock.busy).toBe(false)
  })

  it('keeps the last clock and records the error when a call fails', async () => {
    const fake = fakeApi()
    fake.answer('clock.get', () => ({ ok: true, result: at(1000) }))
    fake.answer('clock.setSpeed', () => ({ ok: false, error: { reason: 'BadRequest', message: 'clock.setSpeed: speed must be a number from 0.25 to 100' } }))
    const clock = useClockStore(piniaWith(fake.api))
    await clock.load()
    await clock.setSpeed(1000)
    expect(clock.state?.nowMs).toBe(1000)
    expect(clock.error).toEqual({ reason: 'BadRequest', message: 'clock.setSpeed: speed must be a number from 0.25 to 100' })
    await clock.load()
    expect(clock.error).toBeNull()
  })

  it('steps to the next event with the clock the engine answers, and says when nothing was scheduled (issue 11 item 8)', async () => {
    const fake = fakeApi()
    let stepped = true
    fake.answer('clock.stepToNextEvent', () => ({ ok: true, result: { clock: at(stepped ? 7_500 : 1_000), stepped } }))
    const clock = useClockStore(piniaWith(fake.api))
    await clock.step()
    expect(clock.state?.nowMs).toBe(7_500)
    expect(clock.idle).toBe(false)
    stepped = false
    await clock.step()
    expect(clock.idle).toBe(true)
    expect(fake.calls.filter((c) => c.call === 'clock.stepToNextEvent')).toHaveLength(2)
  })
})
