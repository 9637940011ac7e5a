// The building blocks of the payload checks (validate.ts and the per-item check files it gathers).

/** A payload check: what is wrong with it, or null. */
export type Check = (payload: Record<string, unknown>) => string | null

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** `unknown field "x"` for the first key not in `allowed`, else null. */
export function onlyKeys(p: Record<string, unknown>, allowed: string[]): string | null {
  for (const key of Object.keys(p)) if (!allowed.includes(key)) return `unknown field "${key}"`
  return null
}

// apimachinery pkg/util/validation/validation.go: dns1123LabelFmt (a namespace, a container name; at most 63) and
// dns1123SubdomainFmt (most object names; at most 253).
const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
export const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`)
export const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*$`)
