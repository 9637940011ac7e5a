// The patch step of the API server's PATCH (apiserver pkg/endpoints/handlers/patch.go jsonPatcher): JSON patch
// (RFC 6902) and merge patch (RFC 7386) on the stored object's JSON. Until ../patch (engineer P's
// applyJsonPatch / applyMergePatch / applyStrategicMergePatch) lands, this adapter calls the libraries directly;
// strategic merge patch is refused until then.

import mergePatch from 'json-merge-patch'
import { applyPatch as applyRfc6902, type Operation } from 'rfc6902'
import { ApiError } from '../errors'

import type { PatchType } from '../../engine'

/** What a JSON patch that does not apply answers: NewGenericServerResponse(422) with the patch library's error as cause. */
function patchRejected(cause: string): ApiError {
  return new ApiError('Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: cause, field: '' }],
  })
}

function applyJson(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new ApiError('BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  const target = structuredClone(doc)
  // evanphx/json-patch stops at the first operation that fails.
  for (const op of ops as Operation[]) {
    const [error] = applyRfc6902(target, [op])
    if (!error) continue
    if (error.name === 'TestError') throw patchRejected(`testing value ${op.path} failed: test failed`)
    throw patchRejected(error.message)
  }
  return target
}

/**
 * The object `doc` after `patch` of `type`; `schemaType` (e.g. `core.v1.Pod`) names the merge keys for a
 * strategic merge patch. Throws ApiError: BadRequest for a patch that is not a patch, Invalid (422) for a JSON
 * patch whose operation fails (a `test` that does not hold).
 */
export function applyPatch(doc: unknown, type: PatchType, patch: unknown, schemaType: string): unknown {
  switch (type) {
    case 'json':
      return applyJson(doc, patch)
    case 'merge':
      return mergePatch.apply(structuredClone(doc), structuredClone(patch))
    case 'strategic':
      throw new ApiError('BadRequest', `Podlab cannot apply a strategic merge patch to ${schemaType} yet`)
  }
}
