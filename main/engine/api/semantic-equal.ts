// apiequality.Semantic.DeepEqual on decoded JSON: like reflect.DeepEqual, except that a missing or null list or
// map equals an empty one (k8s.io/apimachinery third_party/forked/golang/reflect/deep_equal.go).

const isEmptyish = (v: unknown): boolean =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)

/** True when `a` and `b` are semantically equal JSON values. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (isEmptyish(a) && isEmptyish(b)) return Array.isArray(a) === Array.isArray(b) || a == null || b == null
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => semanticEqual(v, b[i]))
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)])
  for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false
  return true
}
