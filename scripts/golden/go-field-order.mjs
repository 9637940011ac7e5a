#!/usr/bin/env node
// Records the JSON field order of the Kubernetes v1.32 Go types kubectl's typed clients print and encode (json.Marshal
// writes struct fields in declaration order and map keys sorted), run by hand:   node scripts/golden/go-field-order.mjs
// Reads k8s.io/api and k8s.io/apimachinery v0.32.5 from the local git mirrors (/work/.mirror) and writes
// main/kubectl/printers/go-field-order.json: { "<Type>": [[jsonName, fieldType], ...] | "map:<Type>" | "list:<Type>" },
// where a fieldType is a type name of the table, `[]T` (a list), `map:T` (a map with sorted keys) or "" (a scalar).

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const VERSION = 'v0.32.5'
const SOURCES = [
  ['kubernetes+apimachinery', 'pkg/apis/meta/v1/types.go'],
  ['kubernetes+apimachinery', 'pkg/apis/meta/v1/time.go'],
  ['kubernetes+api', 'core/v1/types.go'],
  ['kubernetes+api', 'apps/v1/types.go'],
  ['kubernetes+api', 'batch/v1/types.go'],
]
const SCALARS = new Set(['Time', 'MicroTime', 'Duration', 'Quantity', 'IntOrString', 'UID', 'RawExtension', 'FieldsV1'])

const structs = {}
const named = {}
for (const [mirror, file] of SOURCES) {
  const text = execFileSync('git', ['-C', `/work/.mirror/${mirror}/repo`, 'show', `${VERSION}:${file}`], { encoding: 'utf8' })
  for (const m of text.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
    const fields = []
    for (const line of m[2].split('\n')) {
      const f = /^\t(?:(\w+)\s+)?([*\[\]\w.]+(?:\[[\w.]+\][*\[\]\w.]+)?)\s+`json:"([^"]*)"/.exec(line)
      if (!f) continue
      const [name] = f[3].split(',')
      if (name === '-') continue
      // An embedded struct with `json:",inline"` lends its fields in place.
      if (!name) fields.push(['...', typeOf(f[2])])
      else fields.push([name, typeOf(f[2])])
    }
    structs[m[1]] = fields
  }
  for (const m of text.matchAll(/^type (\w+) (map\[[\w.]+\][*\w.\[\]]+|\[\][*\w.]+)$/gm)) named[m[1]] = typeOf(m[2])
}

/** A Go type as the table names it. */
function typeOf(go) {
  const bare = (t) => t.replace(/^\*/, '').replace(/^\w+\./, '')
  if (go.startsWith('[]byte')) return ''
  if (go.startsWith('[]')) return `[]${typeOf(go.slice(2))}`
  const map = /^map\[[^\]]+\](.*)$/.exec(go)
  if (map) return `map:${typeOf(map[1])}`
  const t = bare(go)
  return SCALARS.has(t) ? '' : t
}

// Resolve named map/list types and inline embeddings; drop references to types that are not structs (scalars).
const resolve = (t) => {
  if (t.startsWith('[]')) return `[]${resolve(t.slice(2))}`
  if (t.startsWith('map:')) return `map:${resolve(t.slice(4))}`
  if (named[t] !== undefined) return resolve(named[t])
  return structs[t] ? t : ''
}
const table = {}
for (const [type, fields] of Object.entries(structs)) {
  table[type] = fields.flatMap(([name, t]) => (name === '...' ? (structs[t] ?? []).map(([n, u]) => [n, resolve(u)]) : [[name, resolve(t)]]))
}
const out = path.join(ROOT, 'main/kubectl/printers/go-field-order.json')
fs.writeFileSync(out, `${JSON.stringify(table)}\n`)
console.log(`${Object.keys(table).length} types, ${fs.statSync(out).size} bytes`)
