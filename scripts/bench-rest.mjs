// Part of `npm run bench`: the memory a process holding a cluster open keeps at rest. `podlab serve` is that
// process (the desktop app holds a cluster the same way): started on a copy of the file (the benchmark's file
// stays as the commands left it), its clock paused through the app's own `clock.pause` call (at rest: at 5,000
// nodes today one real-time tick is seconds of work, and its garbage would be measured), given a moment, then
// asked through bench-rusage.mjs (SIGUSR2) for its memory after two full collections (node --expose-gc).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import WebSocket from 'ws'
import { copyCluster, podlabCommand } from './bench-cluster.mjs'

/** How long serve runs once it serves before it is measured: its first real-time ticks are over by then. */
const SETTLE_MS = 1_000
/** How long serve may take to answer SIGUSR2 with its memory. */
const REPORT_MS = 180_000

/** Calls `clock.pause` on the served app at `url` (ws://.../podlab); true once it answered. */
async function pauseClock(url) {
  const ws = new WebSocket(url)
  try {
    return await Promise.race([
      new Promise((resolve, reject) => {
        ws.once('error', reject)
        ws.once('open', () => ws.send(JSON.stringify({ id: 1, call: 'clock.pause', request: {} })))
        ws.on('message', (data) => {
          if (JSON.parse(data.toString()).id === 1) resolve(true)
        })
      }),
      sleep(REPORT_MS, false, { ref: false }),
    ])
  } finally {
    ws.terminate()
  }
}

/**
 * The memory of `podlab serve` holding the cluster file `db` (no process may have it open) at rest: `{ rss,
 * heapUsed, external }` in bytes (heapUsed + external is what the cluster keeps alive; rss also counts what V8
 * and SQLite hold on to), or `{ failed }` saying why when serve did not serve within `timeoutMs` (ms).
 */
export async function restingMemory(db, { timeoutMs = 120_000 } = {}) {
  const copy = `${db}.rest.podlab`
  copyCluster(db, copy)
  const command = podlabCommand(['--db', copy, 'serve', '--port', '0'], { nodeFlags: ['--expose-gc'] })
  const server = spawn(command.program, command.argv, { env: command.env, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise((resolve) => server.once('exit', resolve))
  try {
    const base = await Promise.race([
      new Promise((resolve) => {
        let out = ''
        server.stdout.on('data', (chunk) => {
          out += chunk
          const m = /serving at (http:\/\/\S+)/.exec(out)
          if (m) resolve(m[1])
        })
      }),
      exited.then(() => null),
      sleep(timeoutMs, null, { ref: false }),
    ])
    if (!base) return { failed: `podlab serve did not serve within ${timeoutMs / 1000} s` }
    if (!(await pauseClock(`${base.replace('http:', 'ws:')}podlab`))) return { failed: `podlab serve did not pause its clock within ${REPORT_MS / 1000} s` }
    await sleep(SETTLE_MS)
    server.kill('SIGUSR2')
    const rest = `${command.report}.rest`
    // The signal waits for the event loop: at 5,000 nodes today one real-time tick of the clock takes many seconds.
    for (let waited = 0; !existsSync(rest) && waited < REPORT_MS; waited += 100) await sleep(100)
    if (!existsSync(rest)) return { failed: `podlab serve did not report its memory within ${REPORT_MS / 1000} s` }
    await sleep(50) // written with one writeFileSync: a moment more and it is whole
    const memory = JSON.parse(readFileSync(rest, 'utf8'))
    if (!memory.collected) return { failed: 'node ran without --expose-gc: no collection before the measure' }
    return memory
  } finally {
    server.kill('SIGTERM')
    const stopped = await Promise.race([exited.then(() => true), sleep(15_000, false, { ref: false })])
    if (!stopped) {
      server.kill('SIGKILL')
      await exited
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true })
    rmSync(command.report, { force: true })
    rmSync(`${command.report}.rest`, { force: true })
  }
}
