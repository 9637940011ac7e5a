// getPatchedJSON (kubectl pkg/cmd/patch/patch.go, v0.32.5): a patch applied on the client, for --local and
// --dry-run=client, with the same three patch types the API server applies (the engine's, as apimachinery's).

import type { KubeObject } from '../../../kube'
import { apiVersionOf, applyJsonPatch, applyMergePatch, applyStrategicMergePatch, typeForKind, type PatchType, type ResourceRef } from '../../../engine'

/**
 * The object after `patch` of `type`. A strategic merge patch of a kind the schema does not know is refused
 * as kubectl refuses one for an unregistered type. Throws the engine's ApiError for a patch that does not apply.
 */
export function patchedLocally(object: KubeObject, ref: ResourceRef, type: PatchType, patch: unknown): KubeObject {
  if (type === 'json') return applyJsonPatch(object, patch)
  if (type === 'merge') return applyMergePatch(object, patch)
  const schema = typeForKind(object.apiVersion ?? apiVersionOf(ref), object.kind ?? ref.kind)
  if (!schema) throw new Error(`strategic merge patch is not supported for ${ref.kind} by Podlab yet; use --type=merge or --type=json`)
  return applyStrategicMergePatch(object, patch, schema)
}
