import { describe, expect, it } from 'vitest'
import { NODE, runtimeHarness } from '../containerd/testing/harness'
import { containerdUsage } from '../metrics/containerd-usage'
import { containerdChaos } from './containerd-chaos'

const harness = runtimeHarness()

describe('chaos and usage through the real containerd', () => {
  it('a signal from outside: the program decides (serve exits 0 on TERM), and a shell-less sleep as PID 1 ignores TERM but not KILL', () => {
    const h = harness()
    const chaos = containerdChaos(h.containerd)
    const server = h.start({ command: ['/bin/serve', '80'] })
    expect(h.tx(() => chaos.signal(NODE, server, 'SIGTERM'))).toBe('ok')
    expect(h.tx(() => h.containerd.status(NODE, server))).toMatchObject({ state: 'exited', exitCode: 0 })
    const sleeper = h.start()
    expect(h.tx(() => chaos.signal(NODE, sleeper, 'SIGTERM'))).toBe('ok')
    expect(h.tx(() => h.containerd.status(NODE, sleeper)).state).toBe('running')
    expect(h.tx(() => chaos.signal(NODE, sleeper, 'SIGKILL'))).toBe('ok')
    expect(h.tx(() => h.containerd.status(NODE, sleeper))).toMatchObject({ state: 'exited', exitCode: 137, reason: 'Error', signal: 'SIGKILL' })
    expect(h.tx(() => chaos.signal(NODE, sleeper, 'SIGKILL'))).toBe('not-running')
  })

  it('the OOM kill ends the container as the kernel does: 137, OOMKilled', () => {
    const h = harness()
    const chaos = containerdChaos(h.containerd)
    const id = h.start()
    expect(h.tx(() => chaos.oomKill(NODE, id))).toBe('ok')
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', exitCode: 137, reason: 'OOMKilled' })
    expect(h.tx(() => chaos.oomKill(NODE, id))).toBe('not-running')
    expect(h.tx(() => chaos.oomKill(NODE, 'f'.repeat(64)))).toBe('not-running')
  })

  it('usage is the summed rss of the live processes, nothing once the container has ended', () => {
    const h = harness()
    const usage = containerdUsage(h.world)
    const id = h.start({ command: ['/bin/hog', String(50 * 1024 * 1024)] })
    h.advance(1000)
    expect(usage.usage(NODE, id)).toEqual({ memoryBytes: 50 * 1024 * 1024, cpuMillicores: 0 })
    h.tx(() => h.containerd.stopContainer(NODE, id, 0))
    expect(usage.usage(NODE, id)).toBeUndefined()
  })
})
