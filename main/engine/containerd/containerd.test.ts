// The runtime's walking skeleton: a container runs its program on the virtual clock, its end reaches the
// kubelet when it happens (PLEG), a stop sends the image's signal then SIGKILL, and what it writes is logged.

import { describe, expect, it } from 'vitest'
import { runtimeHarness, NODE } from './testing/harness'
import { testImage } from './testing/test-programs'

const harness = runtimeHarness()
const START = Date.UTC(2025, 0, 1)

describe('containerd runs a container on the virtual clock', () => {
  it('a container running `sleep 5` is running, then exited Completed 0 at exactly 5 s, heard through the PLEG once', () => {
    const h = harness()
    const id = h.start({ command: ['sleep', '5'] })
    expect(h.tx(() => h.containerd.status(NODE, id))).toEqual({ state: 'running', startedAt: START })
    h.advance(4_999)
    expect(h.tx(() => h.containerd.status(NODE, id)).state).toBe('running')
    expect(h.exits).toEqual([])
    h.advance(10_000)
    expect(h.exits).toEqual([`${START + 5_000} ${id}`])
    expect(h.tx(() => h.containerd.status(NODE, id))).toEqual({ state: 'exited', startedAt: START, finishedAt: START + 5_000, exitCode: 0, reason: 'Completed' })
  })

  it("the image's Cmd runs when the spec gives no command (busybox's `sleep 3600` here), and runs until stopped", () => {
    const h = harness()
    const id = h.start()
    h.advance(3_599_000)
    expect(h.tx(() => h.containerd.status(NODE, id)).state).toBe('running')
    h.advance(1_000)
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', exitCode: 0, finishedAt: START + 3_600_000 })
  })

  it('a command the image lacks fails to start with runc\'s words, exit 128 (StartError)', () => {
    const h = harness()
    const config = h.config({ command: ['nosuch', 'x'] })
    const r = h.tx(() => h.containerd.startContainer(config))
    expect(r).toEqual({
      reason: 'StartError',
      exitCode: 128,
      message:
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown',
    })
    expect(h.tx(() => h.containerd.status(NODE, config.containerId))).toMatchObject({ state: 'exited', exitCode: 128, reason: 'StartError' })
  })

  it('a program that exits non-zero ends Error with its code; what it wrote is in the log with its virtual time', () => {
    const h = harness()
    h.advance(2_000)
    const id = h.start({ command: ['fail', '3', 'it broke'] })
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', exitCode: 3, reason: 'Error', finishedAt: START + 2_000 })
    expect(h.containerd.logs.rows(id)).toEqual([{ seq: 0, atMs: START + 2_000, stream: 'stderr', text: 'it broke\n' }])
    expect(h.exits).toEqual([`${START + 2_000} ${id}`])
  })

  it('stop: a program that handles SIGTERM exits 0 at once; no SIGKILL comes later', () => {
    const h = harness()
    const id = h.start({ command: ['serve', '8080'] })
    h.advance(1_000)
    h.tx(() => h.containerd.stopContainer(NODE, id, 30_000))
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', exitCode: 0, reason: 'Completed', finishedAt: START + 1_000 })
  })

  it('stop: `sleep` as PID 1 ignores SIGTERM (the PID 1 rule) and is SIGKILLed when the grace ends: exit 137, signal SIGKILL', () => {
    const h = harness()
    const id = h.start({ command: ['sleep', '3600'] })
    h.tx(() => h.containerd.stopContainer(NODE, id, 30_000))
    h.advance(29_999)
    expect(h.tx(() => h.containerd.status(NODE, id)).state).toBe('running')
    h.advance(1)
    expect(h.exits).toEqual([`${START + 30_000} ${id}`])
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', exitCode: 137, reason: 'Error', signal: 'SIGKILL', finishedAt: START + 30_000 })
  })

  it("stop uses the image's STOPSIGNAL: SIGQUIT makes `serve` leave after 1 s", () => {
    const h = harness()
    const id = h.start({ command: ['serve', '80'], imageConfig: testImage({ stopSignal: 'SIGQUIT' }) })
    h.tx(() => h.containerd.stopContainer(NODE, id, 30_000))
    h.advance(1_000)
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', exitCode: 0, finishedAt: START + 1_000 })
  })

  it('stop with no grace kills at once: 137', () => {
    const h = harness()
    const id = h.start({ command: ['serve', '80'] })
    h.tx(() => h.containerd.stopContainer(NODE, id, 0))
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', exitCode: 137, signal: 'SIGKILL' })
  })

  it('an unknown container is unknown; a removed pod is forgotten with its logs', () => {
    const h = harness()
    expect(h.tx(() => h.containerd.status(NODE, 'f'.repeat(64)))).toEqual({ state: 'unknown' })
    const id = h.start({ command: ['say', 'hello'] })
    expect(h.containerd.logs.rows(id).map((r) => r.text)).toEqual(['hello\n'])
    h.tx(() => h.containerd.removePod(NODE, 'uid-p'))
    expect(h.tx(() => h.containerd.status(NODE, id))).toEqual({ state: 'unknown' })
    expect(h.containerd.logs.rows(id)).toEqual([])
  })
})
