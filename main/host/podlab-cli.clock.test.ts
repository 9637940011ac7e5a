// Issue 6 item 6: one clock owner. While `podlab serve` (or the app) runs a cluster file's clock, a terminal's
// `podlab advance` does not run that cluster forward, and a waiting `kubectl delete` waits on the served clock.

import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { HostEngine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { runCli, type CliIO } from './podlab-cli'
import type { WaitOptions } from './served-clock'

const SEED = join(__dirname, '../../testdata/seed')

function newFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'podlab-clock-')), 'c.podlab')
}

async function podlab(args: string[], clockWait?: WaitOptions): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => '', env: {}, ...(clockWait ? { clockWait } : {}) }
  const code = await runCli(args, io)
  return { code, out, err }
}

/** Runs `podlab --db db serve` with `whileServing` in place of the web host; resolves with what it returned. */
async function whileServed<T>(db: string, whileServing: (served: HostEngine) => Promise<T>): Promise<T> {
  let result: T | undefined
  const io: CliIO = {
    stdout: () => {},
    stderr: () => {},
    readStdin: () => '',
    env: {},
    serve: async (served) => {
      result = await whileServing(served)
    },
  }
  expect(await runCli(['--db', db, 'serve'], io)).toBe(0)
  return result as T
}

/** A pid that is no process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  return child.pid as number
}

function commands(db: string): string[] {
  const raw = new Database(db, { readonly: true })
  try {
    return (raw.prepare('SELECT door, call FROM commands ORDER BY seq').all() as Array<{ door: string; call: string }>).map((r) => `${r.door} ${r.call}`)
  } finally {
    raw.close()
  }
}

async function runningPod(): Promise<string> {
  const db = newFile()
  const pod = join(mkdtempSync(join(tmpdir(), 'podlab-clock-')), 'pod.yaml')
  writeFileSync(pod, readFileSync(join(SEED, 'pod-mynginx.yaml'), 'utf8').replace('metadate:', 'metadata:'))
  expect((await podlab(['--db', db, 'kubectl', 'apply', '-f', pod])).code).toBe(0)
  expect((await podlab(['--db', db, 'advance', '30s'])).code).toBe(0)
  return db
}

describe('podlab advance and the clock owner', () => {
  it('is refused while a serve holds the file, in one sentence naming it, and allowed after the serve closes', async () => {
    const db = newFile()
    const inside = await whileServed(db, async () => podlab(['--db', db, 'advance', '30s']))
    expect(inside).toEqual({
      code: 1,
      out: '',
      err: `error: the cluster file is open in Podlab (podlab serve, pid ${process.pid}), whose clock runs it; use the app's clock controls\n`,
    })
    expect(await podlab(['--db', db, 'advance', '30s'])).toEqual({ code: 0, out: 'virtual time is now 2025-01-01T00:00:30Z\n', err: '' })
  })

  it('is allowed after a serve crashed (the row names a process that is gone) or on another machine', async () => {
    for (const owner of [
      { door: 'web' as const, pid: deadPid(), hostname: hostname() },
      { door: 'app' as const, pid: process.pid, hostname: `not-${hostname()}` },
    ]) {
      const db = newFile()
      const crashed = openCluster(db, { mode: 'realtime', door: 'web' })
      crashed.claimClock(owner)
      crashed.close() // without releasing: as a crash leaves it
      expect(await podlab(['--db', db, 'advance', '5s'])).toEqual({ code: 0, out: 'virtual time is now 2025-01-01T00:00:05Z\n', err: '' })
    }
  })

  it('a new serve takes over the row a crashed one left', async () => {
    const db = newFile()
    const crashed = openCluster(db, { mode: 'realtime', door: 'web' })
    crashed.claimClock({ door: 'web', pid: deadPid(), hostname: hostname() })
    crashed.close()
    const owner = await whileServed(db, async (served) => served.clockOwner())
    expect(owner).toEqual({ door: 'web', pid: process.pid, hostname: hostname() })
  })
})

describe('kubectl delete while a serve runs the clock', () => {
  it('waits on the served clock (run here by the sleep, as the serve would run it) and never moves it itself', async () => {
    const db = await runningPod()
    let servedMs = 0
    const result = await whileServed(db, async (served) => {
      const started = served.clock().nowMs
      const r = await podlab(['--db', db, 'kubectl', 'delete', 'pod', 'mynginx'], {
        sleep: (ms) => void served.advance(ms, { tick: true }),
      })
      servedMs = served.clock().nowMs - started
      return r
    })
    expect(result).toEqual({ code: 0, out: 'pod "mynginx" deleted\n', err: '' })
    expect(await podlab(['--db', db, 'kubectl', 'get', 'pods'])).toMatchObject({ err: 'No resources found in default namespace.\n' })
    expect(servedMs).toBeGreaterThan(0)
    expect(commands(db)).toEqual(['cli create', 'cli advance', 'cli delete'])
  })

  it('does not wait while the served clock is paused, and says why on stderr', async () => {
    const db = await runningPod()
    const result = await whileServed(db, async (served) => {
      served.pause()
      const before = served.clock().nowMs
      const r = await podlab(['--db', db, 'kubectl', 'delete', 'pod', 'mynginx'], { sleep: () => expect.unreachable('no wait while paused') })
      expect(served.clock().nowMs).toBe(before)
      return r
    })
    expect(result).toEqual({
      code: 0,
      out: 'pod "mynginx" deleted\n',
      err: `podlab: not waiting for the deletion to finish: the cluster's clock is paused in Podlab (podlab serve, pid ${process.pid})\n`,
    })
    expect(commands(db)).toEqual(['cli create', 'cli advance', 'web pause', 'cli delete'])
  })
})
