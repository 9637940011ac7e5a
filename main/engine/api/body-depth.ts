// The nesting bound of what a door hands the engine. A hostile body nested thousands of levels deep (a shared
// workshop file, a curl to the REST door) would overflow the engine's own recursion (structuredClone,
// JSON.stringify of the command log): "Maximum call stack size exceeded" as an internal error. No field of a
// kind Podlab serves nests more than a few dozen levels, so a body deeper than MAX_BODY_DEPTH is refused before
// any of that runs, as the API server's decoder would refuse it: the typed field that meets an object
// (`ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal object into Go struct field
// ConfigMap.data of type string`), else Go's `exceeded max depth`.

import { ApiError } from './errors'
import { decodeBody, type FieldValidation } from './strict'

/** Levels of objects and arrays a body may nest (Go's encoding/json allows 10,000; no served kind needs 100). */
export const MAX_BODY_DEPTH = 256

/** The nesting depth of a JSON value (an object or array adds one), counted without recursion, up to `stopAt`. */
export function jsonDepth(value: unknown, stopAt: number): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    const here = depth + 1
    if (here > deepest) deepest = here
    if (deepest >= stopAt) return deepest
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, here])
  }
  return deepest
}

/**
 * Throws ApiError BadRequest when `value` (an object, or a patch: `kind` absent) nests deeper than
 * MAX_BODY_DEPTH: the decoder's type error where one field meets an object it cannot hold, else `json: exceeded
 * max depth`. Returns nothing for a body within the bound.
 */
export function refuseDeepBody(value: unknown, fieldValidation: FieldValidation = 'Strict'): void {
  if (jsonDepth(value, MAX_BODY_DEPTH + 1) <= MAX_BODY_DEPTH) return
  const o = value as { kind?: unknown; apiVersion?: unknown } | null
  if (o && typeof o.kind === 'string' && typeof o.apiVersion === 'string') {
    try {
      decodeBody(o.apiVersion, o.kind, o, fieldValidation)
    } catch (e) {
      if (e instanceof ApiError) throw e
      if (!(e instanceof RangeError)) throw e
    }
  }
  throw new ApiError('BadRequest', 'json: exceeded max depth')
}
