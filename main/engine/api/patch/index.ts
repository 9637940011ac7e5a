// The three patch types of the Kubernetes API, as pure functions over decoded JSON.

export { applyJsonPatch, PATCH_REJECTED } from './json-patch'
export { applyMergePatch } from './merge-patch'
export {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  keepsIdentity,
  type PatchSchema,
} from './strategic'
export { StrategicPatchError } from './strategic-errors'
export type { FieldPatchMeta, LookupPatchMeta } from './patch-meta'
export { lookupPatchMeta } from '../schema'
