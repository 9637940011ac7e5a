// Whether two values would serialize to the same JSON, found without building either string: the kubelet asks
// it of every status it computes, and most syncs compute the status already stored.

type Json = Record<string, unknown>

/** The keys JSON.stringify writes, in its order (it skips properties holding undefined). */
function writtenKeys(o: Json): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined)
}

/**
 * True exactly when JSON.stringify(a) === JSON.stringify(b), for JSON data (strings, finite numbers, booleans,
 * null, arrays, plain objects) that may also hold undefined: key order counts, as in the strings, and an
 * undefined array item counts as null. Not for NaN, Infinity, functions or objects with toJSON.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, i) => sameJson(item ?? null, b[i] ?? null))
  }
  const keys = writtenKeys(a as Json)
  const others = writtenKeys(b as Json)
  return keys.length === others.length && keys.every((k, i) => k === others[i] && sameJson((a as Json)[k], (b as Json)[k]))
}
