#!/usr/bin/env node
// Turns the Kubernetes OpenAPI v2 spec (api/openapi-spec/swagger.json) into the compact field table that
// main/engine/api/schema/ reads: for every type reachable from ROOTS, its JSON field names and shapes, and for
// the fields that have them, the strategic-merge-patch extensions (x-kubernetes-patch-strategy and
// x-kubernetes-patch-merge-key) that api/patch/ merges lists by.
//
// The Go type names that the API server prints in decode errors ("... of type []v1.Container") are not in
// the OpenAPI spec, so they are read from the Go structs (k8s.io/api, k8s.io/apimachinery types.go) and kept
// only where they differ from what the shape implies. The two sources are cross-checked field by field.
//
//   node scripts/schema/gen-schema.mjs <swagger.json> <go-src-dir> [out.json]
//
// <go-src-dir> holds api/{core,apps,batch,events,coordination}/v1/types.go and apimachinery/pkg/apis/meta/v1/types.go at the
// same Kubernetes release as the spec. Run by hand when adding roots or moving release; CI does not run it.

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Kinds the simulator decodes. Add a line to grow the table; everything they reach comes along. */
const ROOTS = [
  ['v1', 'Pod', 'io.k8s.api.core.v1.Pod'],
  ['v1', 'Node', 'io.k8s.api.core.v1.Node'],
  ['v1', 'Namespace', 'io.k8s.api.core.v1.Namespace'],
  ['v1', 'Event', 'io.k8s.api.core.v1.Event'],
  ['v1', 'Service', 'io.k8s.api.core.v1.Service'],
  ['v1', 'ConfigMap', 'io.k8s.api.core.v1.ConfigMap'],
  ['v1', 'Secret', 'io.k8s.api.core.v1.Secret'],
  ['apps/v1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
  ['apps/v1', 'ReplicaSet', 'io.k8s.api.apps.v1.ReplicaSet'],
  ['batch/v1', 'Job', 'io.k8s.api.batch.v1.Job'],
  ['events.k8s.io/v1', 'Event', 'io.k8s.api.events.v1.Event'],
  ['coordination.k8s.io/v1', 'Lease', 'io.k8s.api.coordination.v1.Lease'],
]

/** Go source file per OpenAPI name prefix, with the package name reflect prints for its types. */
const GO_PACKAGES = [
  { prefix: 'io.k8s.api.core.v1.', file: 'api/core/v1/types.go', pkg: 'v1' },
  { prefix: 'io.k8s.api.apps.v1.', file: 'api/apps/v1/types.go', pkg: 'v1' },
  { prefix: 'io.k8s.api.batch.v1.', file: 'api/batch/v1/types.go', pkg: 'v1' },
  { prefix: 'io.k8s.api.events.v1.', file: 'api/events/v1/types.go', pkg: 'v1' },
  { prefix: 'io.k8s.api.coordination.v1.', file: 'api/coordination/v1/types.go', pkg: 'v1' },
  { prefix: 'io.k8s.apimachinery.pkg.apis.meta.v1.', file: 'apimachinery/pkg/apis/meta/v1/types.go', pkg: 'v1' },
]

/** Definitions that are JSON scalars with their own UnmarshalJSON in Go. */
const SPECIAL = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'intstr',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'any',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'any',
}

const [swaggerPath, goDir, outPath = 'main/engine/api/schema/core-v1.json'] = process.argv.slice(2)
if (!swaggerPath || !goDir) {
  console.error('usage: gen-schema.mjs <swagger.json> <go-src-dir> [out.json]')
  process.exit(2)
}

const swagger = JSON.parse(readFileSync(swaggerPath, 'utf8'))
const defs = swagger.definitions
const goStructs = loadGoStructs(goDir)
const problems = []

const shortName = (full) => full.replace(/^io\.k8s\.api\./, '').replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '')
const refName = (ref) => ref.replace('#/definitions/', '')

function shapeOf(prop, queue) {
  if (prop.$ref) {
    const name = refName(prop.$ref)
    if (SPECIAL[name]) return SPECIAL[name]
    if (!defs[name]?.properties) throw new Error(`unhandled definition ${name}`)
    queue.push(name)
    return shortName(name)
  }
  switch (prop.type) {
    case 'string':
      return prop.format === 'byte' ? 'bytes' : 'string'
    case 'boolean':
      return 'bool'
    case 'integer':
      return prop.format === 'int32' ? 'int32' : 'int64'
    case 'number':
      return 'float64'
    case 'array':
      return '[]' + shapeOf(prop.items, queue)
    case 'object':
      if (prop.additionalProperties) return 'map[]' + shapeOf(prop.additionalProperties, queue)
      return 'any'
    default:
      throw new Error(`unhandled property ${JSON.stringify(prop)}`)
  }
}

/** `merge name`, `merge,retainKeys name`, `retainKeys`, `replace`: the field's strategic-merge-patch extensions. */
function patchMetaOf(prop) {
  const strategy = prop['x-kubernetes-patch-strategy']
  const mergeKey = prop['x-kubernetes-patch-merge-key']
  if (strategy === undefined && mergeKey === undefined) return undefined
  if (strategy === undefined || /\s/.test(strategy) || (mergeKey !== undefined && /\s/.test(mergeKey))) {
    throw new Error(`unexpected patch extensions ${JSON.stringify({ strategy, mergeKey })}`)
  }
  return mergeKey === undefined ? strategy : `${strategy} ${mergeKey}`
}

/** What reflect would print for a shape when the Go type is the obvious one. */
function impliedGoType(shape) {
  if (shape.startsWith('[]')) return '[]' + impliedGoType(shape.slice(2))
  if (shape.startsWith('map[]')) return 'map[string]' + impliedGoType(shape.slice(5))
  if (shape === 'bytes') return '[]uint8'
  if (shape.includes('.')) return 'v1.' + shape.split('.').pop()
  return shape
}

const kinds = {}
const types = {}
const patch = {}
const queue = ROOTS.map(([apiVersion, kind, def]) => {
  kinds[`${apiVersion}/${kind}`] = shortName(def)
  return def
})
while (queue.length > 0) {
  const name = queue.shift()
  const short = shortName(name)
  if (types[short]) continue
  const go = goStructFor(name)
  const fields = {}
  for (const field of Object.keys(defs[name].properties).sort()) {
    const shape = shapeOf(defs[name].properties[field], queue)
    const goType = go?.fields[field]
    if (go && goType === undefined) problems.push(`${short}.${field}: in OpenAPI, not in Go`)
    fields[field] = goType && goType !== impliedGoType(shape) ? `${shape} ${goType}` : shape
    const meta = patchMetaOf(defs[name].properties[field])
    if (meta) (patch[short] ??= {})[field] = meta
  }
  if (go) for (const f of Object.keys(go.fields)) if (!(f in fields)) problems.push(`${short}.${f}: in Go, not in OpenAPI`)
  types[short] = { go: name.split('.').pop(), fields }
}

if (problems.length > 0) {
  for (const p of problems) console.error('mismatch:', p)
  console.error('OpenAPI and Go types disagree (different releases?); nothing written')
  process.exit(1)
}
const out = {
  about:
    'Generated by scripts/schema/gen-schema.mjs from the Kubernetes OpenAPI v2 spec and the Go API types; ' +
    'field shapes: string|int32|int64|float64|bool|bytes|quantity|intstr|time|any, a type name, []T, map[]T; ' +
    'a second word is the Go type reflect prints when it is not the implied one.',
  kinds,
  types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => (a < b ? -1 : 1))),
  patch: Object.fromEntries(Object.entries(patch).sort(([a], [b]) => (a < b ? -1 : 1))),
}
writeFileSync(outPath, JSON.stringify(out) + '\n')
console.log(`${Object.keys(types).length} types, ${Buffer.byteLength(JSON.stringify(out))} bytes -> ${outPath}`)

// --- Go structs --------------------------------------------------------------------------------------------

function goStructFor(defName) {
  const pkg = GO_PACKAGES.find((p) => defName.startsWith(p.prefix))
  if (!pkg) return undefined
  const struct = goStructs.get(`${pkg.file}#${defName.slice(pkg.prefix.length)}`)
  if (!struct) problems.push(`${defName}: no Go struct`)
  return struct && { fields: flatten(struct) }
}

/** JSON name -> printed Go type, with `json:",inline"` embedded structs folded in as encoding/json does. */
function flatten(struct) {
  const out = {}
  for (const f of struct.fields) {
    if (f.inline) {
      const inner = goStructs.get(f.inline)
      if (!inner) problems.push(`inline ${f.inline}: no Go struct`)
      else Object.assign(out, flatten(inner))
    } else out[f.json] = f.goType
  }
  return out
}

function loadGoStructs(dir) {
  const structs = new Map()
  for (const { file, pkg } of GO_PACKAGES) {
    const src = readFileSync(join(dir, file), 'utf8')
    const aliases = importAliases(src)
    for (const m of src.matchAll(/^type (\w+) struct \{\n([\s\S]*?)\n\}/gm)) {
      const fields = []
      for (const raw of m[2].split('\n')) {
        const line = raw.trim()
        if (line === '' || line.startsWith('//')) continue
        const named = /^(\w+)\s+([^\s`]+)\s+`([^`]*)`/.exec(line)
        const embedded = /^([\w.*]+)\s+`([^`]*)`/.exec(line)
        const tag = (named ? named[3] : embedded?.[2]) ?? ''
        const json = /json:"([^"]*)"/.exec(tag)?.[1].split(',')[0]
        if (json === '-') continue
        const typeExpr = named ? named[2] : embedded?.[1]
        if (!typeExpr) continue
        if (!named && !json) {
          const [alias, type] = typeExpr.replace('*', '').includes('.') ? typeExpr.replace('*', '').split('.') : [null, typeExpr]
          const target = alias ? GO_PACKAGES.find((p) => aliases[alias] && p.file.includes(aliases[alias])) : { file }
          if (target) fields.push({ inline: `${target.file}#${type}` })
          continue
        }
        if (json === undefined) continue
        fields.push({ json, goType: printedGoType(typeExpr, pkg, aliases) })
      }
      structs.set(`${file}#${m[1]}`, { fields })
    }
  }
  return structs
}

/** `import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"` -> { metav1: 'meta/v1' } (path tail used to find the file). */
function importAliases(src) {
  const aliases = {}
  const block = /^import \(([\s\S]*?)\)/m.exec(src)?.[1] ?? ''
  for (const m of block.matchAll(/^\s*(\w+)?\s*"([^"]+)"/gm)) {
    const path = m[2]
    const alias = m[1] ?? path.split('/').pop()
    aliases[alias] = path.replace(/^k8s\.io\/api\//, 'api/').replace(/^k8s\.io\/apimachinery\//, 'apimachinery/')
  }
  return aliases
}

/** The type reflect.Type.String() gives after the decoder dereferences the field's pointer. */
function printedGoType(expr, pkg, aliases) {
  const render = (e) => {
    if (e.startsWith('*')) return '*' + render(e.slice(1))
    if (e.startsWith('[]')) return '[]' + (e === '[]byte' ? 'uint8' : render(e.slice(2)))
    const map = /^map\[([^\]]+)\](.+)$/.exec(e)
    if (map) return `map[${render(map[1])}]${render(map[2])}`
    if (e.includes('.')) {
      const [alias, name] = e.split('.')
      return `${(aliases[alias] ?? alias).split('/').pop()}.${name}`
    }
    return /^[A-Z]/.test(e) ? `${pkg}.${e}` : e
  }
  return render(expr.replace(/^\*/, ''))
}
