import { describe, expect, it } from 'vitest'
import { run, T0 } from './testing/fake-sys'
import { polinuxStress, vishStress } from './stress'

const MiB = 1024 * 1024

describe('stress', () => {
  it('polinux/stress --vm 1 --vm-bytes 150M holds 150 MiB (so a 100Mi limit OOM-kills it) and says it dispatched its hogs', () => {
    const p = run(polinuxStress, ['stress', '--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'])
    expect(p.sys.stderr).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n')
    expect(p.sys.rss).toBeGreaterThan(150 * MiB)
    expect(p.running).toBe(true)
  })

  it('polinux/stress --cpu 2 --timeout 10s uses 2 cores and ends with success after 10 s', () => {
    const p = run(polinuxStress, ['stress', '--cpu', '2', '--timeout', '10s'])
    expect(p.sys.cpu).toBe(2000)
    p.advance(10_000)
    expect(p.ended).toEqual({ exit: 0 })
    expect(p.sys.stderr).toContain('stress: info: [1] successful run completed in 10s\n')
  })

  it('vish/stress grows its memory one chunk per sleep up to -mem-total, then logs Allocated', () => {
    const p = run(vishStress, ['/stress', '-logtostderr', '-mem-total', '100Mi', '-mem-alloc-size', '10Mi', '-mem-alloc-sleep', '1s', '-cpus', '1'])
    expect(p.sys.stderr).toBe('I1201 02:44:48.000000       1 main.go:26] Allocating "100Mi" memory, in "10Mi" chunks, with a 1s sleep between allocations\nI1201 02:44:48.000000       1 main.go:39] Spawning a thread to consume CPU\n')
    expect(p.sys.cpu).toBe(1000)
    p.advance(5000)
    expect(p.sys.rss).toBe(1 * MiB + 50 * MiB)
    p.advance(5000)
    expect(p.sys.rss).toBe(1 * MiB + 100 * MiB)
    expect(p.sys.stderr).toContain(`I1201 02:44:58.000000       1 main.go:29] Allocated "100Mi" memory\n`)
    expect(p.sys.clock).toBe(T0 + 10_000)
  })
})
