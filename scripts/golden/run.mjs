#!/usr/bin/env node
// Records golden outputs from the REAL kubectl 1.32 (the plain upstream build that sits beside the gcloud
// dispatcher), run by hand, not in CI:   node scripts/golden/run.mjs [case-name-filter]
// For each case of each suite's cases.json it starts the fake API server with that case's state, runs
// kubectl.1.32 against it with a fresh HOME/kubeconfig, and writes next to the inputs:
//   <case>.golden         stdout
//   <case>.stderr.golden  stderr (only when not empty)
//   <case>.meta.json      exit code and the non-discovery requests kubectl sent

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { alignClock } from './fake-describe.mjs'
import { startFakeApiServer } from './fake-apiserver.mjs'
import { podverbsState } from './fake-podverbs.mjs'
import { findKubectl } from './kubectl-binary.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SUITES = [
  'main/kubectl/printers/testdata',
  'main/kubectl/testdata',
  'main/kubectl/cmd/apply/testdata-yaml',
  'main/kubectl/cmd/apply/testdata-ssa',
  'main/kubectl/cmd/create/testdata',
  'main/kubectl/cmd/get/testdata',
  'main/kubectl/cmd/describe/testdata',
  'main/kubectl/cmd/logs/testdata',
  'main/kubectl/cmd/exec/testdata',
  'main/kubectl/cmd/attach/testdata',
  'main/kubectl/cmd/top/testdata',
  'main/kubectl/cmd/drain/testdata',
  'main/kubectl/cmd/taint/testdata',
  ...['run', 'label', 'annotate', 'scale', 'patch', 'replace', 'set', 'rollout', 'autoscale', 'expose'].map((verb) => `main/kubectl/cmd/${verb}/testdata`),
  ...['version', 'api-resources', 'config', 'auth', 'wait'].map((verb) => `main/kubectl/cmd/${verb}/testdata`),
  'main/kubectl/cmd/explain/testdata',
  'main/kubectl/cmd/edit/testdata',
  'main/kubectl/cmd/diff/testdata',
]

function run(binary, args, { cwd, home, stdin, env = {} }) {
  return new Promise((resolve) => {
    // argv[0] "kubectl", as a user types it: kubectl puts os.Args[0] in some messages (builder.go
    // hasCombinedTypeArgs), which would otherwise read "kubectl.1.32".
    const child = spawn(binary, args, { argv0: 'kubectl', cwd, env: { HOME: home, PATH: process.env.PATH, KUBECONFIG: path.join(home, '.kube/config'), ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ stdout, stderr, exitCode: code }))
    child.stdin.end(stdin ?? '')
  })
}

function kubeconfig(port) {
  return `apiVersion: v1
kind: Config
clusters:
- name: golden
  cluster:
    server: http://127.0.0.1:${port}
contexts:
- name: golden
  context:
    cluster: golden
    user: golden
    namespace: default
current-context: golden
users:
- name: golden
  user: {}
`
}

async function recordCase(binary, dir, c) {
  const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
  const state = {
    table: c.table ? read(`${c.table}.table.json`) : undefined,
    tables: c.tables ? Object.fromEntries(Object.entries(c.tables).map(([r, t]) => [r, read(`${t}.table.json`)])) : undefined,
    objects: c.objects ? read(c.objects) : [],
    createErrors: c.createErrors,
    // {"pods/x": ["conflicts.json", "image"]}: the Status a server-side apply of that object answers.
    applyErrors: c.applyErrors && Object.fromEntries(Object.entries(c.applyErrors).map(([k, [file, key]]) => [k, read(file)[key]])),
    // describe ages things by the wall clock: a case at virtual time `now` is served shifted onto it.
    ...(c.now ? await alignClock(c.now) : {}),
    ...(c.podverbs ? podverbsState(c, read) : {}),
    services: c.services,
    explain: c.explain,
    editErrors: c.editErrors ? read(c.editErrors) : undefined,
  }
  // A case's own kubeconfig (its `${PORT}` the server's) and a fixed port, for output that prints the server's URL.
  const server = await startFakeApiServer(state, c.port)
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-home-'))
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-cwd-'))
  try {
    fs.mkdirSync(path.join(home, '.kube'))
    const config = c.kubeconfig ? fs.readFileSync(path.join(dir, c.kubeconfig), 'utf8').replaceAll('${PORT}', String(server.port)) : kubeconfig(server.port)
    fs.writeFileSync(path.join(home, '.kube/config'), config)
    for (const f of c.files ?? []) fs.copyFileSync(path.join(dir, 'manifests', f), path.join(cwd, f))
    const stdin = c.stdin ? fs.readFileSync(path.join(dir, 'manifests', c.stdin), 'utf8') : undefined
    const edit = c.edits ? fakeEditor(c.edits) : undefined
    const result = await run(binary, c.args, { cwd, home, stdin, env: edit?.env })
    const out = (suffix) => path.join(dir, `${c.name}${suffix}`)
    if (edit) edit.keep(result, out)
    fs.writeFileSync(out('.golden'), result.stdout)
    if (result.stderr) fs.writeFileSync(out('.stderr.golden'), result.stderr)
    else fs.rmSync(out('.stderr.golden'), { force: true })
    fs.writeFileSync(out('.meta.json'), `${JSON.stringify({ exitCode: result.exitCode, ...(state.now ? { now: state.now } : {}), requests: server.requests }, null, 1)}\n`)
    console.log(`${c.name}: exit ${result.exitCode}, ${result.stdout.length} bytes out, ${result.stderr.length} bytes err`)
  } finally {
    server.close()
    fs.rmSync(home, { recursive: true, force: true })
    fs.rmSync(cwd, { recursive: true, force: true })
  }
}

/**
 * `kubectl edit`'s editor for a case with `edits` (scripts/golden/fake-editor.mjs): the file each pass got is kept
 * as <case>.pass<N>.golden. kubectl names its temporary files with a random number (os.CreateTemp's
 * `kubectl-edit-*.yaml`): it is written as `0` in every golden, and the replay's editor names its file so.
 */
function fakeEditor(edits) {
  const log = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-edit-'))
  const script = path.join(ROOT, 'scripts/golden/fake-editor.mjs')
  const fixed = (text) => text.replace(/kubectl-edit-[0-9]+\./g, 'kubectl-edit-0.')
  return {
    env: { KUBE_EDITOR: `node ${script}`, PODLAB_EDIT_PASSES: JSON.stringify(edits), PODLAB_EDIT_LOG: log, TMPDIR: '/tmp' },
    keep(result, out) {
      result.stdout = fixed(result.stdout)
      result.stderr = fixed(result.stderr)
      for (const f of fs.readdirSync(out('.pass0').replace(/[^/]*$/, ''))) if (f.startsWith(path.basename(out('.pass')))) fs.rmSync(path.join(path.dirname(out('')), f))
      for (let n = 1; fs.existsSync(path.join(log, `pass${n}`)); n++) fs.copyFileSync(path.join(log, `pass${n}`), out(`.pass${n}.golden`))
      fs.rmSync(log, { recursive: true, force: true })
    },
  }
}

const binary = findKubectl()
const filter = process.argv[2]
for (const suite of SUITES) {
  const dir = path.join(ROOT, suite)
  const casesFile = path.join(dir, 'cases.json')
  if (!fs.existsSync(casesFile)) continue
  for (const c of JSON.parse(fs.readFileSync(casesFile, 'utf8'))) {
    if (!filter || c.name.includes(filter)) await recordCase(binary, dir, c)
  }
}
