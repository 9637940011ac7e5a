// visitToPatch for one object of the saved file (kubectl pkg/cmd/util/editor/editoptions.go v0.32.5): the object it
// was, found by UID among those opened; `skipped` when their JSON is the same; else the two-way strategic merge
// patch from the original to the edited object (a JSON merge patch for a kind without a schema), refused when it
// would change apiVersion, kind or name, printed by --output-patch, and sent as a PATCH.

import type { KubeObject } from '../../../kube'
import { createTwoWayMergePatch, keepsIdentity, typeForKind, type Engine, type ResourceRef } from '../../../engine'
import { patchBody } from '../../apply-patch'
import { fromThrown, plain, type CliError } from '../../errors'
import { toJsonLine } from '../../printers/json'

type Obj = Record<string, unknown>

/** An object as the edit knows it: the resource that serves it and its JSON. */
export interface EditInfo {
  ref: ResourceRef
  object: Obj
}

export type PatchOutcome =
  /** Unchanged: kubectl prints `<kind>/<name> skipped`. */
  | { skipped: true; object: Obj }
  /** The server's answer to the PATCH; `patch` is what was sent. */
  | { patched: Obj; patch: string }
  /** The server refused: the edit loop records it (editResults.addError). */
  | { refused: CliError; patch: string }
  /** An error that ends the edit (kubectl returns it with preservedFile). */
  | { fatal: CliError }

const IDENTITY_CHANGED = 'At least one of apiVersion, kind and name was changed'

/** `edited` patched onto the server's object it came from. `outputPatch` sees the patch before it is sent. */
export function patchEdited(
  engine: Engine,
  originals: readonly EditInfo[],
  edited: EditInfo,
  fieldValidation: 'Strict' | 'Warn' | 'Ignore',
  outputPatch: (body: string) => void,
  fieldManager = 'kubectl-edit',
): PatchOutcome {
  const uid = (o: Obj) => String((o.metadata as Obj | undefined)?.uid ?? '')
  const original = originals.find((o) => uid(o.object) === uid(edited.object))
  if (!original) return { fatal: plain(`no original object found for ${toJsonLine(edited.object).trimEnd()}`) }
  const originalJs = toJsonLine(original.object)
  if (originalJs === toJsonLine(edited.object)) return { skipped: true, object: edited.object }

  const type = typeForKind(String(original.object.apiVersion ?? ''), String(original.object.kind ?? ''))
  let patch: Obj
  let patchType: 'strategic' | 'merge'
  try {
    patch = type ? createTwoWayMergePatch(original.object, edited.object, type) : createMergePatch(original.object, edited.object)
    patchType = type ? 'strategic' : 'merge'
  } catch (e) {
    return { fatal: plain(e instanceof Error ? e.message : String(e)) }
  }
  if (!keepsIdentity(patch)) return { fatal: plain(IDENTITY_CHANGED) }
  const body = patchBody(patch)
  outputPatch(body)
  const meta = edited.object.metadata as Obj | undefined
  const namespace = edited.ref.namespaced ? String(meta?.namespace ?? '') : undefined
  try {
    return { patched: engine.patch(edited.ref.resource, namespace, String(meta?.name ?? ''), patchType, patch, { fieldValidation, fieldManager }) as KubeObject as unknown as Obj, patch: body }
  } catch (e) {
    return { refused: fromThrown(e), patch: body }
  }
}

/** jsonpatch.CreateMergePatch (RFC 7386): what to set (changed values, whole arrays) and what to null out. */
function createMergePatch(original: Obj, modified: Obj): Obj {
  const patch: Obj = {}
  for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null
  for (const [key, value] of Object.entries(modified)) {
    const before = original[key]
    const isMap = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
    if (isMap(before) && isMap(value)) {
      const inner = createMergePatch(before, value)
      if (Object.keys(inner).length > 0) patch[key] = inner
    } else if (JSON.stringify(before) !== JSON.stringify(value)) patch[key] = value
  }
  return patch
}
