// Client-side apply's bookkeeping: the kubectl.kubernetes.io/last-applied-configuration annotation
// (kubectl pkg/util/apply.go GetModifiedConfiguration / CreateApplyAnnotation). The patch itself is apply-patch.ts.

import { toJsonLine } from './printers/json'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

type Obj = Record<string, unknown>

/** The annotation value kubectl computes for a manifest object: its JSON with `annotations` minus itself. */
export function lastAppliedConfiguration(object: Obj): string {
  const copy = structuredClone(object)
  const metadata = (copy.metadata ??= {}) as Obj
  const annotations = { ...((metadata.annotations as Obj | undefined) ?? {}) }
  delete annotations[LAST_APPLIED]
  metadata.annotations = annotations
  return toJsonLine(copy)
}

/** The manifest object as apply sends it: with the annotation set. */
export function withLastApplied(object: Obj, annotation: string): Obj {
  const copy = structuredClone(object)
  const metadata = (copy.metadata ??= {}) as Obj
  metadata.annotations = { ...((metadata.annotations as Obj | undefined) ?? {}), [LAST_APPLIED]: annotation }
  return copy
}

/** Removes null values everywhere (apply.go pruneNulls), as client-side apply does before a create. */
export function pruneNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(pruneNulls) as T
  if (value === null || typeof value !== 'object') return value
  const out: Obj = {}
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = pruneNulls(v)
  return out as T
}
