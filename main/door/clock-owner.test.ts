// One clock owner per cluster file (issue 6 item 5), the two holes a new-user test found: a second serve of the
// same file ran its clock too (twice as fast), and a crashed serve's pid, reused by another program, locked
// `podlab advance` out for good.

import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCluster } from '../engine/open-cluster'
import { runCli } from '../host/podlab-cli'
import { ClockTaken, holdClock, isRunning } from './clock-owner'

const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
})

/** A running process whose command line reads `args` (e.g. one that looks like bin/podlab). */
async function running(...args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', ...args], { stdio: 'ignore' })
  children.push(child)
  await new Promise((r) => child.once('spawn', r))
  return child.pid as number
}

function fileOwnedBy(pid: number): string {
  const db = join(mkdtempSync(join(tmpdir(), 'podlab-owner-')), 'c.podlab')
  const engine = openCluster(db, { mode: 'realtime', door: 'web' })
  engine.claimClock({ door: 'web', pid, hostname: hostname() })
  engine.close()
  return db
}

describe('one clock owner per cluster file', () => {
  it('a second serve of a file whose clock a running Podlab owns is refused in one sentence, exit 1', async () => {
    const first = await running('/opt/podlab/bin/podlab', 'serve')
    const db = fileOwnedBy(first)
    let err = ''
    const code = await runCli(['--db', db, 'serve'], {
      stdout: () => {},
      stderr: (t) => (err += t),
      readStdin: () => '',
      env: {},
      serve: async () => {
        throw new Error('the second serve must not start')
      },
    })
    expect({ code, err }).toEqual({
      code: 1,
      err: `error: the cluster file is already open in Podlab (podlab serve, pid ${first}), which runs its clock; use that one, or stop it first\n`,
    })
  })

  it('holdClock throws ClockTaken (typed, with the owner) while another running Podlab owns the clock', async () => {
    const first = await running('podlab')
    const engine = openCluster(fileOwnedBy(first), { mode: 'realtime', door: 'web' })
    try {
      expect(() => holdClock(engine, 'web')).toThrow(ClockTaken)
    } finally {
      engine.close()
    }
  })

  it.skipIf(!existsSync('/proc/self/cmdline'))('a live pid whose command line is not Podlab\'s (a crashed serve\'s pid reused) is a stale owner', async () => {
    const other = await running('--some-other-program')
    expect(isRunning({ door: 'web', pid: other, hostname: hostname() })).toBe(false)
    const engine = openCluster(fileOwnedBy(other), { mode: 'realtime', door: 'web' })
    try {
      const release = holdClock(engine, 'web')
      expect(engine.clockOwner()?.pid).toBe(process.pid)
      release()
    } finally {
      engine.close()
    }
  })
})
