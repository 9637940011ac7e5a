// JSON merge patch (RFC 7386, `application/merge-patch+json`) as the API server applies it.

import { apply } from 'json-merge-patch'
import { ApiError } from '../errors'
import { goJsonKind } from './go-json'

/**
 * Applies a merge patch to a copy of `doc` and returns the copy; `doc` is not changed. `null` in the patch deletes
 * a field; lists are replaced whole.
 * Throws ApiError BadRequest (400): `Invalid JSON Patch` for a `null` patch (evanphx/json-patch's
 * ErrBadJSONPatch), and the strict decoder's words for a patch that is not an object (kubectl sends
 * `fieldValidation=Strict`).
 */
export function applyMergePatch<T>(doc: T, patch: unknown): T {
  if (patch === null) throw new ApiError('BadRequest', 'Invalid JSON Patch')
  if (typeof patch !== 'object' || Array.isArray(patch)) {
    throw new ApiError(
      'BadRequest',
      `error decoding patch: json: cannot unmarshal ${goJsonKind(patch)} into Go value of type map[string]interface {}`,
    )
  }
  return apply(structuredClone(doc), patch) as T
}
