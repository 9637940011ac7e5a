// --overrides / --override-type: kubectl pkg/cmd/util/override_options.go (v0.32.5) Overrider.Apply. The
// generated object is patched (merge by default, json or strategic) and decoded back into its Go type, which
// gives every container its `resources: {}` again (a struct field encoding/json never omits).

import type { KubeObject } from '../../../kube'
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, isApiError } from '../../../engine'
import { GenerateError } from './generate'

/**
 * The object with the override applied; unchanged for an empty override.
 * Throws GenerateError: `invalid override type: X`, `Invalid JSON Patch` (override JSON that does not parse), or the
 * patch's own failure.
 */
export function applyOverride(object: KubeObject, overrides: string, overrideType: string): KubeObject {
  if (overrides === '') return object
  const type = overrideType || 'merge'
  if (type !== 'merge' && type !== 'json' && type !== 'strategic') throw new GenerateError(`invalid override type: ${type}`)
  let patch: unknown
  try {
    patch = JSON.parse(overrides)
  } catch {
    // evanphx/json-patch's errBadJSONPatch (MergePatch) for text that is not JSON.
    throw new GenerateError('Invalid JSON Patch')
  }
  let patched: KubeObject
  try {
    if (type === 'merge') patched = applyMergePatch(object, patch)
    else if (type === 'json') patched = applyJsonPatch(object, patch)
    else patched = applyStrategicMergePatch(object, patch, 'core.v1.Pod')
  } catch (e) {
    throw new GenerateError(isApiError(e) || e instanceof Error ? e.message : String(e))
  }
  return asTypedPod(patched)
}

/** The Go round trip of a Pod: each container has `resources` (an empty struct when the override dropped it). */
function asTypedPod(pod: KubeObject): KubeObject {
  const spec = pod.spec as { containers?: Array<Record<string, unknown>> } | undefined
  for (const c of spec?.containers ?? []) c.resources ??= {}
  return pod
}
