// kubectl's -o json: json.MarshalIndent(obj, "", "    ") of an unstructured object, so map keys come out
// sorted and Go's HTML-safe escaping turns <, > and & into \u003c, \u003e and \u0026 (cli-runtime
// printers/json.go; encoding/json). JSON.stringify agrees with Go on everything else JSON values hold here.

/** The text kubectl prints for a JSON value (ends with a newline). */
export function toJson(value: unknown): string {
  return `${htmlSafe(JSON.stringify(sortKeys(value), null, 4))}\n`
}

/** json.NewEncoder(w).Encode of an unstructured object: compact, sorted, HTML-safe, one line. */
export function toJsonLine(value: unknown): string {
  return `${htmlSafe(JSON.stringify(sortKeys(value)))}\n`
}

function htmlSafe(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** A copy with every object's keys in Go's sorted order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    sorted[key] = sortKeys((value as Record<string, unknown>)[key])
  }
  return sorted
}
