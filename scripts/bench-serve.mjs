#!/usr/bin/env node
// `npm run bench:serve` (or `npm run bench -- --serve`): how long one call waits on a busy `podlab serve`. A cluster of N pods (default 1,000),
// W WebSocket sessions (default 200) each watching the pods table while the clock runs in real time, and one
// more session timing `cluster.info` and `table.get` round trips. Prints median / p95 / max in ms.
//   node scripts/bench-serve.mjs [PODS] [WATCHERS]
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'

const root = join(import.meta.dirname, '..')
const podlab = join(root, 'bin', 'podlab')
if (!existsSync(join(root, 'out', 'main', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
const PODS = Number(process.argv[2] ?? 1000)
const WATCHERS = Number(process.argv[3] ?? 200)
const SAMPLES = 30

const manifest = (n) =>
  Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-${i}\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n`).join('---\n')

function open(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

function call(ws, id, name, request) {
  return new Promise((resolve) => {
    const on = (data) => {
      const m = JSON.parse(data.toString())
      if (m.id === id) {
        ws.off('message', on)
        resolve(m.reply)
      }
    }
    ws.on('message', on)
    ws.send(JSON.stringify({ id, call: name, request }))
  })
}

const firstTable = (ws) =>
  new Promise((resolve) => {
    const on = (data) => {
      if (data.toString().startsWith('{"delta":{"type":"table"')) {
        ws.off('message', on)
        resolve()
      }
    }
    ws.on('message', on)
  })

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1)
  return `median ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   max ${s[s.length - 1].toFixed(1).padStart(7)} ms`
}

const dir = mkdtempSync(join(tmpdir(), 'podlab-bench-serve-'))
const db = join(dir, 'c.podlab')
let server
try {
  writeFileSync(join(dir, 'pods.yaml'), manifest(PODS))
  execFileSync(process.execPath, [podlab, '--db', db, 'kubectl', 'apply', '-f', join(dir, 'pods.yaml')], { stdio: 'ignore' })
  execFileSync(process.execPath, [podlab, '--db', db, 'advance', '60s'], { stdio: 'ignore' })
  server = spawn(process.execPath, [podlab, '--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const base = await new Promise((resolve) => {
    let out = ''
    server.stdout.on('data', (c) => {
      out += c
      const m = /serving at (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1])
    })
  })
  const url = `${base.replace('http:', 'ws:')}podlab`
  const watchers = []
  for (let i = 0; i < WATCHERS; i++) {
    const ws = await open(url)
    const shown = firstTable(ws)
    await call(ws, 1, 'table.watch', { resource: 'pods' })
    await shown
    watchers.push(ws)
  }
  const probe = await open(url)
  let id = 1
  for (const [name, request] of [
    ['cluster.info', {}],
    ['table.get', { resource: 'pods' }],
  ]) {
    const times = []
    for (let i = 0; i < SAMPLES; i++) {
      await new Promise((r) => setTimeout(r, 97))
      const started = performance.now()
      await call(probe, ++id, name, request)
      times.push(performance.now() - started)
    }
    console.log(`serve-${PODS}-pods-${WATCHERS}-watchers ${name.padEnd(13)} ${stats(times)}`)
  }
  for (const ws of [...watchers, probe]) ws.terminate()
} finally {
  server?.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}
