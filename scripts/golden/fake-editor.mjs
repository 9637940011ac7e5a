#!/usr/bin/env node
// A scripted editor for `kubectl edit` goldens (KUBE_EDITOR="node scripts/golden/fake-editor.mjs"): kubectl runs it
// once per pass with the temporary file's path. PODLAB_EDIT_PASSES is a JSON list of what each pass does; a copy
// of what kubectl wrote into the file goes to PODLAB_EDIT_LOG/pass<N> (N from 1), so a golden keeps the file's
// content too. Actions: "keep" (save unchanged), "empty" (save an empty file), {"exit": N} (fail, file unchanged),
// {"write": TEXT} (save TEXT), {"replace": [[FROM, TO], ...]} (each FROM replaced everywhere by TO).
// The replay test runs this same script, so Podlab's kubectl and the real one see the same editor.

import fs from 'node:fs'
import path from 'node:path'

const file = process.argv[2]
const passes = JSON.parse(process.env.PODLAB_EDIT_PASSES ?? '[]')
const log = process.env.PODLAB_EDIT_LOG
const text = fs.readFileSync(file, 'utf8')
let pass = 1
if (log) {
  while (fs.existsSync(path.join(log, `pass${pass}`))) pass++
  fs.writeFileSync(path.join(log, `pass${pass}`), text)
}
const action = passes[pass - 1] ?? 'keep'
if (action === 'keep') process.exit(0)
if (action === 'empty') fs.writeFileSync(file, '')
else if (typeof action.exit === 'number') process.exit(action.exit)
else if (typeof action.write === 'string') fs.writeFileSync(file, action.write)
else if (Array.isArray(action.replace)) fs.writeFileSync(file, action.replace.reduce((t, [from, to]) => t.replaceAll(from, to), text))
else throw new Error(`unknown edit action ${JSON.stringify(action)}`)
