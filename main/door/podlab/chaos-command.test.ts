// `podlab chaos ...`: flags read before anything is written, kubectl's words for errors, one recorded command
// per action. (Kill and OOM reach containers through the runtime: see engine/chaos/*.cluster.test.ts.)

import Database from 'better-sqlite3'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chaosOperation } from './chaos-command'
import { podlab } from '../../host/testing/run-podlab'

const newDb = () => join(mkdtempSync(join(tmpdir(), 'podlab-chaos-')), 'c.podlab')
const chaosCommands = (db: string) => {
  const file = new Database(db, { readonly: true })
  const rows = file.prepare("SELECT payload FROM commands WHERE call = 'chaos'").all() as Array<{ payload: string }>
  file.close()
  return rows.map((r) => JSON.parse(r.payload))
}

describe('podlab chaos', () => {
  it('reads kill|oom POD [-c C] [--signal S] [-n NS] and random --rate R [--seed N] [--for D] into operations', () => {
    expect(chaosOperation('kill', ['web', '-c', 'nginx', '--signal', 'TERM'])).toEqual({ op: 'kill', pod: 'web', container: 'nginx', signal: 'TERM' })
    expect(chaosOperation('oom', ['-n', 'shop', 'web'])).toEqual({ op: 'oom', pod: 'web', namespace: 'shop' })
    expect(chaosOperation('random', ['--rate', '0.5', '--seed=9', '--for', '10m'])).toEqual({ op: 'random', ratePerMinute: 0.5, seed: '9', forMs: 600_000 })
    expect(chaosOperation('fill-disk', ['podlab-worker', '--size', '10Gi'])).toEqual({ op: 'fill-disk', node: 'podlab-worker', bytes: 10 * 1024 ** 3 })
  })

  it('usage errors as kubectl words them, and nothing is recorded', async () => {
    const db = newDb()
    expect(await podlab(['--db', db, 'chaos', 'kill'])).toEqual({ code: 1, out: '', err: "error: exactly one POD is required, got 0\nSee 'podlab chaos kill -h' for help and examples\n" })
    expect((await podlab(['--db', db, 'chaos', 'kill', 'x', '--bogus'])).err).toBe("error: unknown flag: --bogus\nSee 'podlab chaos kill -h' for help and examples\n")
    expect((await podlab(['--db', db, 'chaos', 'random'])).err).toBe(`error: required flag(s) "rate" not set\nSee 'podlab chaos random -h' for help and examples\n`)
    expect((await podlab(['--db', db, 'chaos', 'random', '--rate', 'fast'])).err).toMatch(/^error: --rate must be a number of actions per minute/)
    expect((await podlab(['--db', db, 'chaos', 'random', '--rate', '1', '--for', 'soon'])).err).toMatch(/^error: invalid duration "soon"/)
    expect((await podlab(['--db', db, 'chaos', 'explode'])).err).toMatch(/^error: unknown chaos command "explode"\n/)
    expect(chaosCommands(db)).toEqual([])
  })

  it('the API server’s and kubectl’s refusals', async () => {
    const db = newDb()
    expect(await podlab(['--db', db, 'chaos', 'kill', 'nope'])).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' })
    expect((await podlab(['--db', db, 'chaos', 'fill-disk', 'nope'])).err).toBe('Error from server (NotFound): nodes "nope" not found\n')
    expect((await podlab(['--db', db, 'chaos', 'stop'])).err).toBe('error: no random chaos is running\n')
    expect((await podlab(['--db', db, 'chaos', 'random', '--rate', '0'])).err).toBe('error: the rate must be more than 0 and at most 600 actions per minute, got 0\n')
    const dir = mkdtempSync(join(tmpdir(), 'podlab-chaos-'))
    writeFileSync(join(dir, 'p.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n')
    await podlab(['--db', db, 'kubectl', 'apply', '-f', join(dir, 'p.yaml')])
    expect((await podlab(['--db', db, 'chaos', 'oom', 'web', '-c', 'x'])).err).toBe('error: container x not found in pod web\n')
  })

  it('random, fill-disk, free-disk and stop are recorded commands and say what they did', async () => {
    const db = newDb()
    expect(await podlab(['--db', db, 'chaos', 'random', '--rate', '2', '--seed', '42', '--for', '5m'])).toEqual({
      code: 0,
      out: 'random chaos: 2 per minute, seed 42, until 2025-01-01T00:05:00Z\n',
      err: '',
    })
    expect((await podlab(['--db', db, 'chaos', 'stop'])).out).toBe('random chaos stopped after 0 actions\n')
    const filled = await podlab(['--db', db, 'chaos', 'fill-disk', 'podlab-worker'])
    expect(filled.out).toMatch(/^node\/podlab-worker: disk 95% used, \d+\w* available\n$/)
    expect((await podlab(['--db', db, 'chaos', 'free-disk', 'podlab-worker'])).out).toMatch(/^node\/podlab-worker: disk 8% used, /)
    expect(chaosCommands(db).map((c) => c.operation.op)).toEqual(['random', 'stop', 'fill-disk', 'free-disk'])
  })

  it('podlab chaos --help prints the usage; podlab --help names chaos', async () => {
    const help = await podlab(['chaos', '--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('podlab chaos random --rate R [--seed N] [--for DURATION]')
    expect((await podlab(['--help'])).out).toContain('chaos kill|oom POD [-c CONTAINER] [--signal SIG]')
  })
})
