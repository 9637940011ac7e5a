// kubectl's -o json: json.MarshalIndent(obj, "", "    ") of an unstructured object, so map keys come out
// sorted and Go's HTML-safe escaping turns <, > and & into \u003c, \u003e and \u0026 (cli-runtime
// printers/json.go; encoding/json). JSON.stringify agrees with Go on everything else JSON values hold here.
// A typed object (what kubectl's typed clients and create subcommands hold) is a Go struct: its fields come out
// in declaration order (go-field-order.json, recorded from the v1.32 types), its maps sorted.

import FIELD_ORDER from './go-field-order.json'

/** The text kubectl prints for a JSON value (ends with a newline). */
export function toJson(value: unknown): string {
  return `${htmlSafe(encode(value, '    ', '', ''))}\n`
}

/** json.NewEncoder(w).Encode of an unstructured object: compact, sorted, HTML-safe, one line. */
export function toJsonLine(value: unknown): string {
  return `${htmlSafe(encode(value, '', '', ''))}\n`
}

/** The Go type of a kind kubectl knows (`Deployment`), or '' (unstructured) for one it does not. */
export function goTypeOf(kind: string): string {
  return kind in TABLE ? kind : ''
}

/** -o json of a typed object of Go type `type` (a kind): fields in the struct's order, maps sorted. */
export function toTypedJson(value: unknown, type: string): string {
  return `${htmlSafe(encode(value, '    ', '', type))}\n`
}

/** scheme.DefaultJSONEncoder().Encode of a typed object: compact, in the struct's order, one line. */
export function toTypedJsonLine(value: unknown, type: string): string {
  return `${htmlSafe(encode(value, '', '', type))}\n`
}

/** Each type's fields in declaration order with their types: a struct name, `[]T`, `map:T`, or '' (scalar). */
const TABLE = FIELD_ORDER as unknown as Record<string, Array<[string, string]>>

function htmlSafe(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * JSON.stringify(value, null, indent) with each object's keys in Go's order. Written out rather than built as a
 * sorted object because JS objects list integer-like keys ("9", "10") first, whatever order they were added in.
 */
function encode(value: unknown, indent: string, at: string, type: string): string {
  const inner = at + indent
  const open = indent ? `\n${inner}` : ''
  const close = indent ? `\n${at}` : ''
  const sep = indent ? `,\n${inner}` : ','
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const item = type.startsWith('[]') ? type.slice(2) : ''
    return `[${open}${value.map((v) => encode(v, indent, inner, item)).join(sep)}${close}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return '{}'
    const fields = TABLE[type]
    const typed: Array<[string, unknown, string]> = fields
      ? [...fields.filter(([k]) => Object.hasOwn(value, k) && (value as Record<string, unknown>)[k] !== undefined).map(([k, t]) => [k, (value as Record<string, unknown>)[k], t] as [string, unknown, string]),
         ...entries.filter(([k]) => !fields.some(([f]) => f === k)).sort(([a], [b]) => goStringCompare(a, b)).map(([k, v]) => [k, v, ''] as [string, unknown, string])]
      : entries.sort(([a], [b]) => goStringCompare(a, b)).map(([k, v]) => [k, v, type.startsWith('map:') ? type.slice(4) : ''])
    return `{${open}${typed.map(([k, v, t]) => `${JSON.stringify(k)}:${indent ? ' ' : ''}${encode(v, indent, inner, t)}`).join(sep)}${close}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Go's string order: by UTF-8 bytes, which is code point order (JS's < compares UTF-16 units). */
function goStringCompare(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!
    if (d !== 0) return d
  }
  return x.length - y.length
}
