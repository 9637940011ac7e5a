// kubectl's -o json: json.MarshalIndent(obj, "", "    ") of an unstructured object, so map keys come out
// sorted and Go's HTML-safe escaping turns <, > and & into \u003c, \u003e and \u0026 (cli-runtime
// printers/json.go; encoding/json). JSON.stringify agrees with Go on everything else JSON values hold here.

/** The text kubectl prints for a JSON value (ends with a newline). */
export function toJson(value: unknown): string {
  return `${htmlSafe(encode(value, '    ', ''))}\n`
}

/** json.NewEncoder(w).Encode of an unstructured object: compact, sorted, HTML-safe, one line. */
export function toJsonLine(value: unknown): string {
  return `${htmlSafe(encode(value, '', ''))}\n`
}

function htmlSafe(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * JSON.stringify(value, null, indent) with each object's keys in Go's order. Written out rather than built as a
 * sorted object because JS objects list integer-like keys ("9", "10") first, whatever order they were added in.
 */
function encode(value: unknown, indent: string, at: string): string {
  const inner = at + indent
  const open = indent ? `\n${inner}` : ''
  const close = indent ? `\n${at}` : ''
  const sep = indent ? `,\n${inner}` : ','
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[${open}${value.map((v) => encode(v, indent, inner)).join(sep)}${close}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return '{}'
    entries.sort(([a], [b]) => goStringCompare(a, b))
    return `{${open}${entries.map(([k, v]) => `${JSON.stringify(k)}:${indent ? ' ' : ''}${encode(v, indent, inner)}`).join(sep)}${close}}`
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
