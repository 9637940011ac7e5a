// The `+enum` string types of k8s.io/api's types.go files and which struct fields use them, read as
// kube-openapi's generator reads them (pkg/generators/enum.go, openapi.go generateProperty): what the v2 spec
// lacks and the apiserver's v3 documents carry, `enum: [...]` (the values, sorted as Go-quoted strings) and
// the field description's "Possible enum values:" paragraph (one ` - `"value"` comment` line each, sorted).
// A line-based reader of gofmt'ed Go, enough for these files (type/const declarations, one field a line).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** k8s.io/api package dirs and the OpenAPI definition prefix of their types. */
export const PACKAGES = {
  'core/v1': 'io.k8s.api.core.v1.',
  'apps/v1': 'io.k8s.api.apps.v1.',
  'batch/v1': 'io.k8s.api.batch.v1.',
  'autoscaling/v2': 'io.k8s.api.autoscaling.v2.',
  'networking/v1': 'io.k8s.api.networking.v1.',
  'coordination/v1': 'io.k8s.api.coordination.v1.',
  'events/v1': 'io.k8s.api.events.v1.',
}

const goQuote = (s) => JSON.stringify(s)

/** ast.CommentGroup.Text() lines of `//` comments, as gengo keeps them (markers and one space stripped). */
const commentText = (lines) => lines.map((l) => l.replace(/^\s*\/\/ ?/, '').replace(/\s+$/, ''))

function parseFile(pkg, text) {
  const lines = text.split('\n')
  const imports = {}
  const enums = new Set()
  const consts = [] // { type, name, value, comment }
  const structs = {} // name -> { json -> goType }
  let comment = []
  let inConst = false
  let inImport = false
  let struct = null
  for (const raw of lines) {
    const line = raw.trim()
    if (inImport) {
      const m = /^(\w+)?\s*"k8s\.io\/api\/([^"]+)"$/.exec(line)
      if (m) imports[m[1] ?? m[2].split('/')[0]] = m[2]
      if (line === ')') inImport = false
      continue
    }
    if (line === 'import (') {
      inImport = true
      continue
    }
    if (line.startsWith('//')) {
      comment.push(raw)
      continue
    }
    if (struct) {
      if (line === '}') struct = null
      else {
        const m = /^(\w+)\s+(\S+)\s+`.*json:"([^",]*)/.exec(line)
        if (m && m[3]) structs[struct][m[3]] = m[2]
      }
      comment = []
      continue
    }
    let m
    if ((m = /^type (\w+) string$/.exec(line))) {
      if (commentText(comment).some((c) => /^\+enum\b/.test(c.trim()))) enums.add(m[1])
    } else if ((m = /^type (\w+) struct \{$/.exec(line))) {
      struct = m[1]
      structs[struct] = {}
    } else if (line === 'const (') inConst = true
    else if (inConst && line === ')') inConst = false
    else if ((m = /^(?:const )?(\w+)\s+(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line)) && (inConst || line.startsWith('const '))) {
      consts.push({ type: m[2], name: m[1], value: JSON.parse(`"${m[3]}"`), comment: commentText(comment) })
    }
    comment = []
  }
  return { pkg, imports, enums, consts, structs }
}

/** enumValue.Description(): ` - `"value"` comment`, the comment's leading const name dropped, spaces folded. */
function description(value) {
  let comment = value.comment.join(' ').trim()
  if (comment.startsWith(value.name)) comment = comment.slice(value.name.length)
  comment = comment.trim().replace(/\s+/g, ' ')
  return ` - \`${goQuote(value.value)}\` ${comment}`.replace(/ +$/, '')
}

/**
 * Reads <srcDir>/<pkg>/types.go for each package; returns, per OpenAPI definition name, per property, what
 * to add: { enum: [values], descriptionLines?: [...] } for a field of an enum type, { itemsEnum } /
 * { additionalPropertiesEnum } for a slice or map of one.
 */
export function readEnums(srcDir) {
  const files = Object.keys(PACKAGES).map((pkg) => parseFile(pkg, readFileSync(join(srcDir, pkg, 'types.go'), 'utf8')))
  const enumTypes = new Map() // "pkg.Type" -> [{name, value, comment}]
  for (const f of files) for (const e of f.enums) enumTypes.set(`${f.pkg}.${e}`, [])
  for (const f of files) {
    for (const c of f.consts) {
      const values = enumTypes.get(`${f.pkg}.${c.type}`)
      if (values && !values.some((v) => v.value === c.value)) values.push(c)
    }
  }
  const resolve = (f, goType) => {
    const q = /^(\w+)\.(\w+)$/.exec(goType)
    const key = q ? (f.imports[q[1]] ? `${f.imports[q[1]]}.${q[2]}` : undefined) : `${f.pkg}.${goType}`
    return key && enumTypes.has(key) ? enumTypes.get(key) : undefined
  }
  const sortedValues = (values) => values.map((v) => goQuote(v.value)).sort().map((q) => JSON.parse(q))
  const out = {}
  for (const f of files) {
    for (const [struct, fields] of Object.entries(f.structs)) {
      for (const [json, goType] of Object.entries(fields)) {
        const bare = goType.replace(/^\*/, '')
        const direct = resolve(f, bare)
        const elem = /^(\[\]|map\[string\])\*?(.+)$/.exec(goType)
        const inner = elem ? resolve(f, elem[2]) : undefined
        let add
        if (direct) add = { enum: sortedValues(direct), descriptionLines: direct.map(description).sort() }
        else if (inner && elem[1] === '[]') add = { itemsEnum: sortedValues(inner) }
        else if (inner) add = { additionalPropertiesEnum: sortedValues(inner) }
        if (add) (out[PACKAGES[f.pkg] + struct] ??= {})[json] = add
      }
    }
  }
  return out
}
