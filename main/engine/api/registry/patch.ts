// The patch step of the API server's PATCH (apiserver pkg/endpoints/handlers/patch.go): the patch of its type
// applied to the stored object's JSON (../patch holds the three patch types).

import type { PatchType } from '../../engine'
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from '../patch'

/**
 * The object `doc` after `patch` of `type`; `schemaType` (e.g. `core.v1.Pod`) names the merge keys of a
 * strategic merge patch. Throws ApiError: BadRequest for a patch that is not a patch of its type, Invalid (422)
 * for a JSON patch whose operation fails (a `test` that does not hold).
 */
export function applyPatch(doc: unknown, type: PatchType, patch: unknown, schemaType: string): unknown {
  switch (type) {
    case 'json':
      return applyJsonPatch(doc, patch)
    case 'merge':
      return applyMergePatch(doc, patch)
    case 'strategic':
      return applyStrategicMergePatch(doc, patch, schemaType)
  }
}
