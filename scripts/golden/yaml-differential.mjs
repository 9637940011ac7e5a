#!/usr/bin/env node
// Differential check of Podlab's manifest decoding against the REAL kubectl 1.32, run by hand:
//   node scripts/golden/yaml-differential.mjs [seed] [count] [yaml|json]
// Each case is a manifest of main/kubectl/cmd/apply/testdata-yaml/manifests with 1-3 random edits (an
// indicator, a tab, a quote or a line break inserted, characters deleted, a line indented or dedented);
// `kubectl create -f` runs against an unreachable server, so a YAML or JSON error is the only thing it can say
// before giving up, and Podlab's decodeManifest must say exactly the same (or nothing when kubectl found none).
// A case whose broken document comes after a good one is skipped: kubectl stops at the good one's mapping there.

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'
import { findKubectl } from './kubectl-binary.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const MANIFESTS = path.join(ROOT, 'main/kubectl/cmd/apply/testdata-yaml/manifests')
const [seedArg = '1', countArg = '200', mode = 'yaml'] = process.argv.slice(2)

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-differential-'))
await build({ input: path.join(ROOT, 'main/kubectl/manifests.ts'), platform: 'node', output: { file: path.join(work, 'manifests.mjs'), format: 'esm' }, logLevel: 'silent' })
const { decodeManifest } = await import(path.join(work, 'manifests.mjs'))
fs.writeFileSync(
  path.join(work, 'kubeconfig'),
  'apiVersion: v1\nkind: Config\nclusters:\n- name: x\n  cluster:\n    server: http://127.0.0.1:1\ncontexts:\n- name: x\n  context:\n    cluster: x\n    user: x\ncurrent-context: x\nusers:\n- name: x\n  user: {}\n',
)

const bases = fs
  .readdirSync(MANIFESTS)
  .filter((f) => f.endsWith(mode === 'json' ? '.json' : '.yaml'))
  .map((f) => fs.readFileSync(path.join(MANIFESTS, f), 'utf8'))
let seed = Number(seedArg)
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const PIECES = [' ', '  ', '\t', '\n', '-', '- ', ':', ': ', '"', "'", '[', ']', '{', '}', ',', '#', '&a ', '*a', '!', '|', '>', '?', '---\n', '...\n', 'x', '%', '@', '\\', 'é', '\u00a0']

function mutate(text) {
  for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
    const at = Math.floor(rnd() * (text.length + 1))
    const r = rnd()
    if (r < 0.4) text = text.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(at)
    else if (r < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3))
    else {
      const lines = text.split('\n')
      const l = Math.floor(rnd() * lines.length)
      lines[l] = rnd() < 0.5 ? ' ' + lines[l] : lines[l].replace(/^ /, '')
      text = lines.join('\n')
    }
  }
  return text
}

const kubectl = findKubectl()
const tally = { same: 0, differ: 0, kubectlErrors: 0, skipped: 0 }
for (let i = 0; i < Number(countArg); i++) {
  const text = mutate(bases[Math.floor(rnd() * bases.length)])
  fs.writeFileSync(path.join(work, 'm.yaml'), text)
  let stderr = ''
  try {
    execFileSync(kubectl, ['create', '-f', 'm.yaml', '--request-timeout=1s'], { cwd: work, env: { KUBECONFIG: path.join(work, 'kubeconfig'), HOME: work, PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (e) {
    stderr = String(e.stderr)
  }
  const theirs = stderr.split('\n').find((l) => l.startsWith('error: error parsing')) ?? null
  const decoded = decodeManifest(text, 'm.yaml')
  const ours = decoded.error === undefined ? null : `error: ${decoded.error}`
  if (theirs !== null) tally.kubectlErrors++
  if (theirs === null && decoded.documents.length > 0) {
    tally.skipped++
    continue
  }
  if (theirs === ours) tally.same++
  else {
    tally.differ++
    console.log(`DIFF ${JSON.stringify(text)}\n  kubectl: ${theirs}\n  podlab:  ${ours}`)
  }
}
fs.rmSync(work, { recursive: true, force: true })
console.log(tally)
process.exitCode = tally.differ === 0 ? 0 : 1
