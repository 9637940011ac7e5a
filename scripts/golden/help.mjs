#!/usr/bin/env node
// Records the help texts of the REAL kubectl 1.32 for the commands Podlab has, run by hand, not in CI:
//   node scripts/golden/help.mjs
// writes main/kubectl/testdata/help/<command>.golden (kubectl.golden for `kubectl --help`, create-deployment.golden
// for `kubectl create deployment --help`) and, for each verb, the copy Podlab ships,
// main/kubectl/cmd/<command>/help.ts (cmd/create/deployment/help.ts for a subcommand; help tests check they agree). Help needs no
// server: kubectl runs with an empty HOME and no kubeconfig, through a pipe (no terminal: no word wrapping).

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findKubectl } from './kubectl-binary.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const OUT = path.join(ROOT, 'main/kubectl/testdata/help')
const COMMANDS = [
  'apply', 'delete', 'describe', 'get',
  'create', 'create configmap', 'create deployment', 'create job', 'create namespace', 'create secret', 'create secret generic',
  'logs', 'attach', 'exec', 'top', 'top pod', 'top node', 'cordon', 'uncordon', 'drain', 'taint',
  'run', 'label', 'annotate', 'scale', 'patch', 'replace', 'set', 'set image', 'set env', 'set resources', 'rollout', 'rollout status', 'rollout history', 'rollout undo', 'rollout restart', 'rollout pause', 'rollout resume', 'autoscale', 'expose',
  'version', 'api-resources', 'api-versions', 'cluster-info', 'config', 'config view', 'config current-context', 'config get-contexts', 'config use-context',
  'config get-clusters', 'config get-users', 'config set-context', 'auth', 'auth can-i', 'wait', 'explain', 'edit',
  'create service', 'create service clusterip', 'create service nodeport', 'create service loadbalancer', 'create service externalname',
  'create cronjob', 'create serviceaccount', 'diff',
]

const binary = findKubectl()
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-home-'))
try {
  for (const command of ['', ...COMMANDS]) {
    const args = command ? [...command.split(' '), '--help'] : ['--help']
    // argv0 "kubectl", as in run.mjs: the usage lines name the binary as typed.
    const text = execFileSync(binary, args, { argv0: 'kubectl', encoding: 'utf8', env: { HOME: home, PATH: '/usr/bin:/bin' } })
    const name = command.replaceAll(' ', '-') || 'kubectl'
    fs.writeFileSync(path.join(OUT, `${name}.golden`), text)
    if (command) {
      const dir = path.join(ROOT, 'main/kubectl/cmd', ...command.split(' '))
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(path.join(dir, 'help.ts'), helpModule(command, name, text))
    }
    console.log(`${name}: ${text.length} bytes`)
  }
} finally {
  fs.rmSync(home, { recursive: true, force: true })
}

/** The TypeScript module holding a verb's help text, as a template literal. */
function helpModule(command, name, text) {
  const literal = text.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${')
  return (
    `// \`kubectl ${command} --help\`, byte for byte as kubectl 1.32.5 prints it (testdata/help/${name}.golden, recorded by\n` +
    '// scripts/golden/help.mjs). It lists flags Podlab does not honour yet: those answer "not supported by Podlab yet".\n\n' +
    `export const HELP = \`${literal}\`\n`
  )
}
