// Many processes, one file (issue 5): `podlab serve` runs the clock at 100x while two `podlab kubectl` writers
// apply, list and delete pods on the same cluster file for a minute (PODLAB_SOAK_SECONDS to change it). Every
// call must succeed (no `database is locked`, no reused UID), the history's virtual times must never go back,
// and at the end the table `serve` pushes to its watcher must be the file's truth.

import { spawn } from 'node:child_process'
import Database from 'better-sqlite3'
import WebSocket from 'ws'
import { join } from 'node:path'
import type { Table } from '../main/kube'
import { ROOT, expect, test } from './fixtures/podlab-host'

const SOAK_MS = Number(process.env.PODLAB_SOAK_SECONDS ?? 60) * 1000
const BIN = join(ROOT, 'bin/podlab')

test.setTimeout(SOAK_MS + 120_000)

interface Run {
  args: string[]
  code: number | null
  stderr: string
}

function podlab(db: string, args: string[], stdin = ''): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, '--db', db, ...args], { cwd: ROOT, stdio: ['pipe', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => done({ args, code, stderr }))
    child.stdin.end(stdin)
  })
}

const podManifest = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: ["sleep", "30"]\n`

/** One writer: apply a new pod, list, and delete an older one, until the time is up. */
async function writer(db: string, id: string, until: number, runs: Run[]): Promise<void> {
  for (let n = 0; Date.now() < until; n++) {
    runs.push(await podlab(db, ['kubectl', 'apply', '-f', '-'], podManifest(`${id}-${n}`)))
    runs.push(await podlab(db, ['kubectl', 'get', 'pods']))
    if (n >= 2) runs.push(await podlab(db, ['kubectl', 'delete', 'pod', `${id}-${n - 2}`, '--wait=false']))
  }
}

class Socket {
  private next = 1
  private readonly waiting = new Map<number, (reply: unknown) => void>()
  lastTable: Table | undefined

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString())
      if (message.delta?.type === 'table') this.lastTable = message.delta.table
      if (typeof message.id === 'number') this.waiting.get(message.id)?.(message.reply)
    })
  }

  static open(url: string): Promise<Socket> {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + 'podlab')
    return new Promise((done, fail) => {
      ws.once('open', () => done(new Socket(ws)))
      ws.once('error', fail)
    })
  }

  call(call: string, request: unknown): Promise<{ ok: boolean }> {
    const id = this.next++
    return new Promise((done) => {
      this.waiting.set(id, done as (reply: unknown) => void)
      this.ws.send(JSON.stringify({ id, call, request }))
    })
  }

  close(): void {
    this.ws.close()
  }
}

test('serve at 100x and two CLI writers share one file for a minute: no failed call, history in time order, equal views', async ({
  podlabHost,
}) => {
  const socket = await Socket.open(podlabHost.url)
  expect(await socket.call('clock.setSpeed', { speed: 100 })).toMatchObject({ ok: true })
  expect(await socket.call('table.watch', { resource: 'pods', namespace: 'default' })).toMatchObject({ ok: true })

  const runs: Run[] = []
  const until = Date.now() + SOAK_MS
  await Promise.all([writer(podlabHost.db, 'a', until, runs), writer(podlabHost.db, 'b', until, runs)])

  const failed = runs.filter((r) => r.code !== 0).map((r) => `${r.args.join(' ')} -> ${r.code}: ${r.stderr.trim()}`)
  expect(failed).toEqual([])
  expect(runs.length).toBeGreaterThan(20)
  console.log(`soak: ${runs.length} CLI calls in ${SOAK_MS / 1000} s beside serve at 100x, none failed`)

  // Stop the clock, then give serve a few real-time ticks to hear the writers' last commits.
  expect(await socket.call('clock.pause', {})).toMatchObject({ ok: true })
  await new Promise((r) => setTimeout(r, 1_500))

  const file = new Database(podlabHost.db, { readonly: true })
  try {
    const rows = file.prepare('SELECT resource_version, at_ms, type, resource, name FROM history ORDER BY resource_version').all() as Array<{
      at_ms: number
    }>
    const wentBack = rows.findIndex((row, i) => i > 0 && row.at_ms < (rows[i - 1] as { at_ms: number }).at_ms)
    expect(wentBack, `a history row is stamped before the row above it: ${JSON.stringify(rows.slice(wentBack - 3, wentBack + 2))}`).toBe(-1)

    const lastRv = file.prepare("SELECT value FROM meta WHERE key = 'resource_version'").pluck().get() as string
    const pods = file.prepare("SELECT name FROM objects WHERE resource = 'pods' AND namespace = 'default' ORDER BY name").pluck().all()
    await expect.poll(() => socket.lastTable?.metadata.resourceVersion, { timeout: 5_000 }).toBe(lastRv)
    expect(socket.lastTable?.rows.map((r) => r.cells[0])).toEqual(pods)
  } finally {
    file.close()
    socket.close()
  }
})

test('six processes opening one new cluster file at the same moment all succeed, it holds one default cluster, and six writers at once lose nothing', async () => {
  const { mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const db = join(mkdtempSync(join(tmpdir(), 'podlab-race-')), 'new.podlab')
  const runs = await Promise.all(Array.from({ length: 6 }, () => podlab(db, ['kubectl', 'get', 'nodes'])))
  // Then six writers at once on the closed file (no -wal yet): none may lose another's commit.
  runs.push(...(await Promise.all(Array.from({ length: 6 }, (_, i) => podlab(db, ['kubectl', 'apply', '-f', '-'], podManifest(`p${i}`))))))
  expect(runs.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([])
  const file = new Database(db, { readonly: true })
  try {
    expect(file.prepare("SELECT count(*) FROM objects WHERE resource = 'nodes'").pluck().get()).toBe(4)
    expect(file.prepare("SELECT count(*) FROM meta WHERE key = 'seed'").pluck().get()).toBe(1)
    expect(file.prepare("SELECT count(*) FROM objects WHERE resource = 'pods' AND namespace = 'default'").pluck().get()).toBe(6)
  } finally {
    file.close()
  }
})
