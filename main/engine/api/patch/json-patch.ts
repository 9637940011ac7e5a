// JSON patch (RFC 6902, `application/json-patch+json`) as the API server applies it: the operations are
// decoded first (a body that is not a list of objects is a 400), then applied all or nothing (any failing
// operation is a 422 whose message hides the library's words, as apiserver's NewGenericServerResponse does).

import { applyPatch, type Operation } from 'rfc6902'
import { ApiError } from '../errors'
import { goJsonKind } from './go-json'

/** apiserver's maxJSONPatchOperations. */
export const MAX_JSON_PATCH_OPERATIONS = 10000

/** The message apiserver gives for every failure while applying a decoded JSON patch (HTTP 422). */
export const PATCH_REJECTED = 'the server rejected our request due to an error in our request'

/**
 * Applies a JSON patch to a copy of `doc` and returns the copy; `doc` is not changed.
 * Throws ApiError BadRequest (400) when `ops` is not a list of objects (the words of the strict decoder kubectl's
 * `fieldValidation=Strict` selects) or has more than 10000 operations, and ApiError Invalid (422) when an
 * operation fails (a `test` that does not match, a path that does not exist, an unknown `op`).
 */
export function applyJsonPatch<T>(doc: T, ops: unknown): T {
  if (!Array.isArray(ops)) throw decodeError(`[]handlers.jsonPatchOp`, ops)
  for (const op of ops) {
    if (op === null || typeof op !== 'object' || Array.isArray(op)) throw decodeError('handlers.jsonPatchOp', op)
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new ApiError(
      'BadRequest',
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`,
    )
  }
  const copy = structuredClone(doc)
  let results: ReturnType<typeof applyPatch>
  try {
    results = applyPatch(copy, ops as Operation[])
  } catch {
    throw new ApiError('Invalid', PATCH_REJECTED)
  }
  if (results.some((r) => r !== null)) throw new ApiError('Invalid', PATCH_REJECTED)
  return copy
}

function decodeError(goType: string, value: unknown): ApiError {
  return new ApiError('BadRequest', `error decoding patch: json: cannot unmarshal ${goJsonKind(value)} into Go value of type ${goType}`)
}
