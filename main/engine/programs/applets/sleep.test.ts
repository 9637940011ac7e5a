import { describe, expect, it } from 'vitest'
import { run, T0 } from '../testing/fake-sys'
import { sleepProgram } from './sleep'

const busybox = sleepProgram('busybox')
const gnu = sleepProgram('gnu')

describe('sleep', () => {
  it('busybox sleep 30 ends with 0 exactly 30 virtual seconds after it started, not before', () => {
    const p = run(busybox, ['sleep', '30'])
    expect(p.wakeAt).toBe(T0 + 30_000)
    p.advance(29_999)
    expect(p.running).toBe(true)
    p.advance(1)
    expect(p.ended).toEqual({ exit: 0 })
  })

  it('busybox sleep adds its arguments and their suffixes (sleep 1m 1.5 = 61.5 s)', () => {
    expect(run(busybox, ['sleep', '1m', '1.5']).wakeAt).toBe(T0 + 61_500)
  })

  it('sleep infinity never wakes by itself; SIGTERM (no handler) ends it', () => {
    const p = run(busybox, ['sleep', 'infinity'])
    expect(p.running).toBe(true)
    expect(p.wakeAt).toBeUndefined()
    p.signal('SIGTERM')
    expect(p.ended).toEqual({ killedBy: 'SIGTERM' })
  })

  it("busybox sleep with a bad number prints `sleep: invalid number 'x'` and exits 1", () => {
    const p = run(busybox, ['sleep', '10x'])
    expect(p.ended).toEqual({ exit: 1 })
    expect(p.sys.stderr).toBe("sleep: invalid number '10x'\n")
  })

  it('busybox sleep without operand prints its usage and exits 1', () => {
    const p = run(busybox, ['sleep'])
    expect(p.ended).toEqual({ exit: 1 })
    expect(p.sys.stderr).toContain('Usage: sleep [N]...')
  })

  it("GNU sleep refuses a bad interval in coreutils' words", () => {
    const p = run(gnu, ['sleep', 'abc'])
    expect(p.ended).toEqual({ exit: 1 })
    expect(p.sys.stderr).toBe("sleep: invalid time interval 'abc'\nTry 'sleep --help' for more information.\n")
  })

  it('GNU sleep takes 0.5m and infinity', () => {
    expect(run(gnu, ['sleep', '0.5m']).wakeAt).toBe(T0 + 30_000)
    expect(run(gnu, ['sleep', 'infinity']).wakeAt).toBeUndefined()
  })
})
