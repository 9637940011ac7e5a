// Strict field validation as the API server reports it (kubectl >= 1.27 sends fieldValidation=Strict):
//   Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadate"
// and the decode errors that fail a request whatever the field validation:
//   Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field
//   PodSpec.spec.containers of type []v1.Container
// Formats: apiserver v0.32.0 endpoints/handlers/rest.go transformDecodeError; apimachinery v0.32.0
// runtime/error.go strictDecodingError; sigs.k8s.io/json strictError (`unknown field %q`).

import { decodeAs, type DecodeOutcome } from './decode/walk'
import { ApiError } from './errors'
import { goQuote } from '../../gostd/gofmt'
import { typeForKind } from './schema'

/** Decodes an object of a kind the schema knows; undefined for kinds it does not (yet) know. */
export function decodeKnown(apiVersion: string, kind: string, value: unknown): DecodeOutcome | undefined {
  const type = typeForKind(apiVersion, kind)
  return type === undefined ? undefined : decodeAs(type, value)
}

/**
 * Paths of the fields the decoder does not know, in the order the API server reports them
 * (`metadate`, `spec.containers[1].containerPort`). Empty when the object does not decode at all:
 * the API server then reports the decode error instead (see decodeError).
 */
export function unknownFields(apiVersion: string, kind: string, value: unknown): string[] {
  return decodeKnown(apiVersion, kind, value)?.unknownFields ?? []
}

/** The decoder's own error (`json: cannot unmarshal ...`, a bad quantity), or null. */
export function decodeError(apiVersion: string, kind: string, value: unknown): string | null {
  return decodeKnown(apiVersion, kind, value)?.error ?? null
}

/** `<Kind> in version "<version>" cannot be handled as a <Kind>: <detail>`; the group is not printed. */
export function cannotBeHandledMessage(kind: string, apiVersion: string, detail: string): string {
  const version = apiVersion.split('/').pop() ?? apiVersion
  return `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${detail}`
}

/** The strict decoding errors joined as runtime.strictDecodingError prints them. */
export function strictDecodingError(paths: readonly string[]): string {
  return 'strict decoding error: ' + paths.map((p) => `unknown field ${goQuote(p)}`).join(', ')
}

export function strictDecodingMessage(kind: string, apiVersion: string, paths: readonly string[]): string {
  return cannotBeHandledMessage(kind, apiVersion, strictDecodingError(paths))
}

/** With fieldValidation=Warn each unknown field becomes one warning header: `unknown field "spec.foo"`. */
export function strictDecodingWarnings(paths: readonly string[]): string[] {
  return paths.map((p) => `unknown field ${goQuote(p)}`)
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

/**
 * What the create/update handler does with a decoded body (apiserver v0.32.0 endpoints/handlers/create.go):
 * a decode error fails the request whatever the field validation; unknown fields fail it under Strict, become
 * warnings under Warn and vanish under Ignore. The object returned is the decoded copy: unknown fields and
 * nulls dropped. Kinds the schema does not know pass through unchanged.
 */
export function decodeBody(
  apiVersion: string,
  kind: string,
  value: unknown,
  fieldValidation: FieldValidation = 'Strict',
): { object: unknown; warnings: string[] } {
  const outcome = decodeKnown(apiVersion, kind, value)
  if (!outcome) return { object: value, warnings: [] }
  if (outcome.error !== null) throw new ApiError('BadRequest', cannotBeHandledMessage(kind, apiVersion, outcome.error))
  if (outcome.unknownFields.length > 0 && fieldValidation === 'Strict') {
    throw new ApiError('BadRequest', strictDecodingMessage(kind, apiVersion, outcome.unknownFields))
  }
  const warnings = fieldValidation === 'Warn' ? strictDecodingWarnings(outcome.unknownFields) : []
  return { object: outcome.value, warnings }
}
