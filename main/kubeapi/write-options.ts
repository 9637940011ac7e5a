// The query options of a write (metav1.CreateOptions, UpdateOptions, PatchOptions; a DELETE's DeleteOptions), read
// and validated as the handlers do before they read the body (apiserver pkg/endpoints/handlers/create.go,
// update.go, patch.go, delete.go, then apimachinery pkg/apis/meta/v1/validation ValidateCreateOptions ...):
// `dryRun` takes only `All`, `fieldValidation` only Ignore, Warn or Strict (Warn when none is sent). A bad
// value is 422 Invalid on the options kind, `CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported
// value: []string{"x"}: supported values: "All"`.

import type { ServerResponse } from 'node:http'
import type { DryRun } from '../engine'
import { goQuote } from '../gostd/gofmt'
import { DoorError } from './status'

export type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions' | 'DeleteOptions'
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

export interface WriteOptions {
  dryRun?: DryRun
  fieldValidation: FieldValidation
  /** The manager the write's managedFields entry names (see fieldManagerOf). */
  fieldManager?: string
}

interface FieldError {
  field: string
  /** The error without its field: `Unsupported value: "x": supported values: "All"`. */
  body: string
}

/** Go's %#v of a []string: `[]string{"a", "b"}`. */
const goStringSlice = (values: readonly string[]): string => `[]string{${values.map(goQuote).join(', ')}}`

/** field.NotSupported's body: the value, then `supported values: "a", "b"`. */
const notSupported = (value: string, supported: readonly string[]): string => `Unsupported value: ${value}: supported values: ${supported.map(goQuote).join(', ')}`

/** ValidateDryRun: every value is `All`. */
export function dryRunErrors(values: readonly string[]): FieldError[] {
  return values.every((v) => v === 'All') ? [] : [{ field: 'dryRun', body: notSupported(goStringSlice(values), ['All']) }]
}

/** ValidateFieldValidation: allowedFieldValidationValues, listed sorted (the empty one first). */
function fieldValidationErrors(value: string): FieldError[] {
  return ['', 'Ignore', 'Strict', 'Warn'].includes(value) ? [] : [{ field: 'fieldValidation', body: notSupported(goQuote(value), ['', 'Ignore', 'Strict', 'Warn']) }]
}

/** errors.NewInvalid(GroupKind{meta.k8s.io, kind}, "", errs): the options' 422 with a cause per field error. */
export function invalidOptions(kind: OptionsKind, errors: readonly FieldError[]): DoorError {
  const listed = errors.map((e) => `${e.field}: ${e.body}`)
  const summary = listed.length === 1 ? listed[0] : `[${listed.join(', ')}]`
  return new DoorError(422, 'Invalid', `${kind}.meta.k8s.io "" is invalid: ${summary}`, {
    group: 'meta.k8s.io',
    kind,
    causes: errors.map((e) => ({ reason: 'FieldValueNotSupported', message: e.body, field: e.field })),
  })
}

/**
 * The dryRun and fieldValidation of a create, update or patch, from the query. Throws DoorError 422 (see the
 * file's comment). Without fieldValidation the API server validates as Warn (handlers/rest.go fieldValidation).
 */
export function writeOptions(query: URLSearchParams, kind: Exclude<OptionsKind, 'DeleteOptions'>): WriteOptions {
  const dryRun = query.getAll('dryRun')
  const fieldValidation = query.get('fieldValidation') ?? ''
  const errors = [...dryRunErrors(dryRun), ...fieldValidationErrors(fieldValidation)]
  if (errors.length > 0) throw invalidOptions(kind, errors)
  return { ...(dryRun.length > 0 ? { dryRun: 'All' } : {}), fieldValidation: fieldValidation === '' ? 'Warn' : (fieldValidation as FieldValidation) }
}

/**
 * A DELETE's dryRun: from its DeleteOptions body when it sent one, else from the query (delete.go decodes the
 * query only for an empty body). Throws DoorError 422 on DeleteOptions.
 */
export function deleteDryRun(body: Record<string, unknown> | undefined, query: URLSearchParams): DryRun | undefined {
  const sent = body === undefined ? query.getAll('dryRun') : Array.isArray(body.dryRun) ? body.dryRun.map(String) : []
  const errors = dryRunErrors(sent)
  if (errors.length > 0) throw invalidOptions('DeleteOptions', errors)
  return sent.length > 0 ? 'All' : undefined
}

/**
 * One `Warning` header a warning (apimachinery pkg/util/net NewWarningHeader: code 299, agent `-`, the text
 * quoted with `"` and `\` escaped), which kubectl prints as `Warning: <text>` on stderr.
 */
export function warningHeader(text: string): string {
  return `299 - "${text.replace(/["\\]/g, (c) => `\\${c}`)}"`
}

/** Sets the response's Warning headers (none for an empty list). */
export function setWarnings(res: ServerResponse, warnings: readonly string[]): void {
  if (warnings.length > 0) res.setHeader('Warning', warnings.map(warningHeader))
}

/**
 * The field manager of a write, as managerOrUserAgent picks it (apiserver endpoints/handlers/rest.go): the
 * fieldManager parameter, else the User-Agent up to its first `/` (printable characters, at most 128 bytes):
 * `kubectl/v1.32.5 (linux/amd64) kubernetes/...` records `kubectl`.
 */
export function fieldManagerOf(query: URLSearchParams, userAgent: string): string {
  const sent = query.get('fieldManager')
  if (sent) return sent
  let out = ''
  for (const ch of userAgent.split('/')[0] ?? '') {
    if (/\p{C}/u.test(ch)) continue
    if (Buffer.byteLength(out + ch) > 128) break
    out += ch
  }
  return out
}
