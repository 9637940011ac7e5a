// Issue 9 item 3: `podlab kubectl get pods -w` follows the cluster file's clock until Ctrl+C, then exits 130 with
// what it printed meanwhile; the clock it ran is saved in the file.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliIO } from './podlab-cli'

const SEED = join(__dirname, '../../testdata/seed')

describe('podlab kubectl get -w', () => {
  it('prints the table, then rows as the clock runs, until Ctrl+C (exit 130); the time it ran stays in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-follow-'))
    const db = join(dir, 'c.podlab')
    const pod = join(dir, 'pod.yaml')
    writeFileSync(pod, readFileSync(join(SEED, 'pod-mynginx.yaml'), 'utf8').replace('metadate:', 'metadata:'))
    const quiet: CliIO = { stdout: () => {}, stderr: () => {}, readStdin: () => '', env: {} }
    expect(await runCli(['--db', db, 'kubectl', 'apply', '-f', pod], quiet)).toBe(0)

    let out = ''
    let interrupt!: () => void
    const code = await runCli(['--db', db, 'kubectl', 'get', 'pods', '-w'], {
      ...quiet,
      stdout: (t) => (out += t),
      interrupted: () => new Promise<void>((r) => (interrupt = r)),
      // Stands in for the real-time ticks: 30 virtual seconds, then the user presses Ctrl+C.
      followDrive: (engine) => {
        for (let i = 0; i < 30; i++) engine.advance(1000, { tick: true })
        interrupt()
        return () => {}
      },
    })
    expect(code).toBe(130)
    const lines = out.split('\n').filter(Boolean)
    expect(lines[0]).toBe('NAME      READY   STATUS              RESTARTS   AGE')
    expect(lines[1]).toBe('mynginx   0/1     ContainerCreating   0          0s')
    expect(lines.at(-1)).toMatch(/^mynginx {3}1\/1 {5}Running {13}0 {10}\d+s$/)

    let after = ''
    await runCli(['--db', db, 'kubectl', 'get', 'pods'], { ...quiet, stdout: (t) => (after += t) })
    expect(after).toBe('NAME      READY   STATUS    RESTARTS   AGE\nmynginx   1/1     Running   0          30s\n')
  })
})

describe('podlab kubectl writes both streams in kubectl\'s order', () => {
  it('delete --force: the warning comes before the result line (issue 9, a case from real users)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-order-'))
    const db = join(dir, 'c.podlab')
    const pod = join(dir, 'pod.yaml')
    writeFileSync(pod, readFileSync(join(SEED, 'pod-mynginx.yaml'), 'utf8').replace('metadate:', 'metadata:'))
    const seen: string[] = []
    const io: CliIO = { stdout: (t) => seen.push(`out:${t}`), stderr: (t) => seen.push(`err:${t}`), readStdin: () => '', env: {} }
    await runCli(['--db', db, 'kubectl', 'apply', '-f', pod], io)
    seen.length = 0
    expect(await runCli(['--db', db, 'kubectl', 'delete', 'pod', 'mynginx', '--grace-period=0', '--force'], io)).toBe(0)
    expect(seen).toEqual([
      'err:Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      'out:pod "mynginx" force deleted\n',
    ])
  })
})
