// kubectl apply's patcher for an object that exists (k8s.io/kubectl pkg/cmd/apply/patcher.go v0.32.5, Patch and
// patchSimple over the built-in types): the three-way strategic merge patch of the last-applied configuration
// (original), the manifest with its new annotation (modified) and the live object (current), sent as a PATCH
// with fieldValidation=Strict unless it is `{}`; on Conflict it GETs the object again and recomputes, up to 5
// times. kubectl sleeps 1s (wall clock) between later tries; Podlab's clock is virtual and does not.
// mergepatch's apiVersion/kind/name preconditions belong to its JSON merge patch for unregistered kinds only,
// and every kind Podlab serves has a schema, so they do not apply here.

import { isApiError } from '../engine'
import { createThreeWayMergePatch, StrategicPatchError } from '../engine'
import { typeForKind } from '../engine'
import type { Engine, ResourceRef } from '../engine'
import { addSourceToErr, fromThrown, plain, type CliError } from './errors'
import { LAST_APPLIED } from './last-applied'
import { toJsonLine } from './printers/json'

/** patcher.go maxPatchRetry. */
const MAX_PATCH_RETRY = 5

type Obj = Record<string, unknown>

/** The bytes kubectl sends for a patch (json.Marshal: sorted keys, HTML-safe escapes, no newline). */
export function patchBody(patch: unknown): string {
  return toJsonLine(patch).slice(0, -1)
}

export interface PatchResult {
  /** The patch's bytes as sent, `{}` when nothing changed, `''` when none was computed. */
  patchBytes: string
  error?: CliError
  /** The object as the PATCH answered it (or as GET did, when nothing was sent). */
  object?: Obj
}

/** How the Patcher sends: with dryRun=All (the helper's DryRun(true)), and with the live resourceVersion (diff's). */
export interface PatcherOptions {
  serverDryRun?: boolean
  /** Patcher.ResourceVersion: put into a patch that is not `{}` (addResourceVersion), so a stale object is a Conflict. */
  resourceVersion?: string
  /** The PATCH's fieldValidation: apply's helper sends Strict; diff's sends none, which the server takes as Warn. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore'
  /** The PATCH's fieldManager; apply's and diff's default, `kubectl-client-side-apply`. */
  fieldManager?: string
}

/**
 * Patcher.Patch: patches `current` (the object as GET returned it) toward `modified`, retrying on Conflict.
 * Errors come back as kubectl's (`error when patching "<source>": ...`), never thrown.
 */
export function patchObject(engine: Engine, ref: ResourceRef, namespace: string | undefined, current: Obj, modified: Obj, source: string, options: PatcherOptions = {}): PatchResult {
  const name = String((current.metadata as Obj | undefined)?.name ?? '')
  let result = patchSimple(engine, ref, namespace, name, current, modified, options)
  for (let i = 1; i <= MAX_PATCH_RETRY && result.conflict; i++) {
    try {
      current = engine.get(ref.resource, namespace, name) as Obj
    } catch (e) {
      return { patchBytes: '', error: fromThrown(e) }
    }
    result = patchSimple(engine, ref, namespace, name, current, modified, options)
  }
  if (!result.error) return { patchBytes: result.patchBytes, object: result.object }
  return { patchBytes: result.patchBytes, error: addSourceToErr('patching', source, result.error) }
}

function patchSimple(engine: Engine, ref: ResourceRef, namespace: string | undefined, name: string, current: Obj, modified: Obj, options: PatcherOptions): PatchResult & { conflict?: boolean } {
  const annotations = ((current.metadata as Obj | undefined)?.annotations ?? {}) as Record<string, string>
  const original = annotations[LAST_APPLIED]
  const type = typeForKind(ref.group ? `${ref.group}/${ref.version}` : ref.version, ref.kind)
  let body: string
  let patch: Obj
  try {
    if (!type) throw new Error(`no strategic merge patch schema for ${ref.kind}`)
    patch = createThreeWayMergePatch(decodeOriginal(original), modified, current, type)
    body = patchBody(patch)
  } catch (e) {
    const message = e instanceof StrategicPatchError || e instanceof Error ? e.message : String(e)
    // errors.Wrapf(err, createPatchErrFormat, original, modified, current).
    const wrapped = `creating patch with:\noriginal:\n${original ?? ''}\nmodified:\n${toJsonLine(modified)}\ncurrent:\n${toJsonLine(current)}\nfor:: ${message}`
    return { patchBytes: '', error: plain(wrapped) }
  }
  if (body === '{}') return { patchBytes: body, object: current }
  if (options.resourceVersion !== undefined) {
    patch = { ...patch, metadata: { ...((patch.metadata as Obj | undefined) ?? {}), resourceVersion: options.resourceVersion } }
    body = patchBody(patch)
  }
  try {
    return { patchBytes: body, object: engine.patch(ref.resource, namespace, name, 'strategic', patch, { fieldValidation: options.fieldValidation ?? 'Strict', fieldManager: options.fieldManager ?? 'kubectl-client-side-apply', ...(options.serverDryRun ? { dryRun: 'All' as const } : {}) }) as Obj }
  } catch (e) {
    return { patchBytes: body, error: fromThrown(e), conflict: isApiError(e) && e.reason === 'Conflict' }
  }
}

/** CreateThreeWayMergePatch's reading of the annotation: none is `{}`; JSON that is not an object is ErrBadJSONDoc. */
function decodeOriginal(text: string | undefined): unknown {
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch {
    // Not a JSON document: createThreeWayMergePatch refuses anything but an object (mergepatch.ErrBadJSONDoc).
    return text
  }
}
