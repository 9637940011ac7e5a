#!/usr/bin/env node
// Records the help texts of the REAL kubectl 1.32 for the commands Podlab has, run by hand, not in CI:
//   node scripts/golden/help.mjs
// writes main/kubectl/testdata/help/<command>.golden (kubectl.golden for `kubectl --help`) and, for each verb, the
// copy Podlab ships, main/kubectl/cmd/<command>/help.ts (help.test.ts checks the two agree). Help needs no
// server: kubectl runs with an empty HOME and no kubeconfig, through a pipe (no terminal: no word wrapping).

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findKubectl } from './kubectl-binary.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const OUT = path.join(ROOT, 'main/kubectl/testdata/help')
const COMMANDS = ['apply', 'delete', 'get']

const binary = findKubectl()
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-home-'))
try {
  for (const command of ['', ...COMMANDS]) {
    const args = command ? [command, '--help'] : ['--help']
    // argv0 "kubectl", as in run.mjs: the usage lines name the binary as typed.
    const text = execFileSync(binary, args, { argv0: 'kubectl', encoding: 'utf8', env: { HOME: home, PATH: '/usr/bin:/bin' } })
    const name = command || 'kubectl'
    fs.writeFileSync(path.join(OUT, `${name}.golden`), text)
    if (command) fs.writeFileSync(path.join(ROOT, 'main/kubectl/cmd', command, 'help.ts'), helpModule(command, text))
    console.log(`${name}: ${text.length} bytes`)
  }
} finally {
  fs.rmSync(home, { recursive: true, force: true })
}

/** The TypeScript module holding a verb's help text, as a template literal. */
function helpModule(command, text) {
  const literal = text.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${')
  return (
    `// \`kubectl ${command} --help\`, byte for byte as kubectl 1.32.5 prints it (testdata/help/${command}.golden, recorded by\n` +
    '// scripts/golden/help.mjs). It lists flags Podlab does not honour yet: those answer "not supported by Podlab yet".\n\n' +
    `export const HELP = \`${literal}\`\n`
  )
}
