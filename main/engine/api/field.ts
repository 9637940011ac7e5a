// apimachinery util/validation/field: paths (`spec.containers[0].name`) and the error constructors whose
// bodies read `Required value`, `Invalid value: "x": detail`, `Unsupported value: "x": supported values: ...`.
// Source: k8s.io/apimachinery v0.32.0 pkg/util/validation/field/{path,errors}.go.

import type { FieldError } from './errors'
import { goQuote, isGoLiteral, type GoLiteral } from '../../gostd/gofmt'

export type BadValue = string | number | boolean | null | undefined | GoLiteral

export const child = (path: string, ...names: string[]): string =>
  names.reduce((p, n) => (p === '' ? n : `${p}.${n}`), path)
export const index = (path: string, i: number): string => `${path}[${i}]`
/** A map key, printed unquoted in brackets: `metadata.labels[app]`. */
export const key = (path: string, k: string): string => `${path}[${k}]`

/** ErrorBody's value rendering: %q for strings, %v for numbers and booleans, "null" for nil. */
function renderValue(value: BadValue): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return goQuote(value)
  if (isGoLiteral(value)) return value.go
  return String(value)
}

function withDetail(body: string, detail: string): string {
  return detail ? `${body}: ${detail}` : body
}

export function required(field: string, detail = ''): FieldError {
  return { field, type: 'FieldValueRequired', body: withDetail('Required value', detail) }
}

export function forbidden(field: string, detail: string): FieldError {
  return { field, type: 'FieldValueForbidden', body: withDetail('Forbidden', detail) }
}

export function invalid(field: string, value: BadValue, detail: string): FieldError {
  return { field, type: 'FieldValueInvalid', body: withDetail(`Invalid value: ${renderValue(value)}`, detail) }
}

export function duplicate(field: string, value: BadValue): FieldError {
  return { field, type: 'FieldValueDuplicate', body: `Duplicate value: ${renderValue(value)}` }
}

export function notFound(field: string, value: BadValue): FieldError {
  return { field, type: 'FieldValueNotFound', body: `Not found: ${renderValue(value)}` }
}

export function notSupported(field: string, value: BadValue, valid: readonly string[]): FieldError {
  const detail = valid.length > 0 ? `supported values: ${valid.map(goQuote).join(', ')}` : ''
  return { field, type: 'FieldValueNotSupported', body: withDetail(`Unsupported value: ${renderValue(value)}`, detail) }
}

/** TooLong always prints "Too long" (the value is omitted) and the byte limit. */
export function tooLong(field: string, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long'
  return { field, type: 'FieldValueTooLong', body: withDetail('Too long', detail) }
}

/** `<field>: <body>`, as field.Error.Error() prints it. */
export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${e.body}`
}
