// Typed API errors, shaped like the API server's metav1.Status so that every door can render them the way
// kubectl does: `Error from server (NotFound): pods "x" not found`, or `The Pod "x" is invalid: ...`.

import { failureStatus, type Status } from '../../kube'

/** The reasons the simulated API server answers with; `Internal` is metav1's `InternalError`. */
export type StatusReason = 'BadRequest' | 'Forbidden' | 'Invalid' | 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Internal'

export interface StatusCause {
  /** e.g. `FieldValueRequired`, `FieldValueInvalid`, `FieldValueNotSupported`, `FieldValueForbidden`, `NamespaceTerminating`. */
  reason: string
  /** The field error's text without the field, e.g. `Required value`. */
  message: string
  /** e.g. `spec.containers[0].image`. */
  field: string
}

export interface StatusDetails {
  name?: string
  group?: string
  /** Kind for Invalid (`Pod`), resource for NotFound/AlreadyExists (`pods`). */
  kind?: string
  causes?: StatusCause[]
}

const CODES: Record<StatusReason, number> = {
  BadRequest: 400,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  AlreadyExists: 409,
  Invalid: 422,
  Internal: 500,
}

/** An error the simulated API server returns. `message` is the Status message, word for word. */
export class ApiError extends Error {
  readonly code: number
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details: StatusDetails = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = CODES[reason]
  }

  /** The metav1.Status the API server sends for this error (apimachinery errors.StatusError.Status()). */
  toStatus(): Status {
    // Go's omitempty: an empty group or name is left out, and so are details with nothing in them.
    const kept = Object.fromEntries(Object.entries(this.details).filter(([, v]) => v !== undefined && v !== ''))
    const details = Object.keys(kept).length > 0 ? (kept as Status['details']) : undefined
    return failureStatus(this.code, this.reason === 'Internal' ? 'InternalError' : this.reason, this.message, details)
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** `pods "x" not found` (apimachinery NewNotFound). */
export function notFound(resource: string, name: string, group = ''): ApiError {
  const qualified = group ? `${resource}.${group}` : resource
  return new ApiError('NotFound', `${qualified} "${name}" not found`, { name, group, kind: resource })
}

/** `pods "x" already exists` (apimachinery NewAlreadyExists). */
export function alreadyExists(resource: string, name: string, group = ''): ApiError {
  const qualified = group ? `${resource}.${group}` : resource
  return new ApiError('AlreadyExists', `${qualified} "${name}" already exists`, { name, group, kind: resource })
}

/**
 * `namespaces "default" is forbidden: <why>` (apimachinery NewForbidden); `pods is forbidden: ...` when the
 * name is empty.
 */
export function forbidden(resource: string, name: string, why: string, group = '', causes?: StatusCause[]): ApiError {
  const qualified = group ? `${resource}.${group}` : resource
  const message = name ? `${qualified} ${JSON.stringify(name)} is forbidden: ${why}` : `${qualified} is forbidden: ${why}`
  return new ApiError('Forbidden', message, { name, group, kind: resource, ...(causes ? { causes } : {}) })
}

/** A field error as validation produces it (apimachinery util/validation/field). */
export interface FieldError {
  field: string
  /** `FieldValueRequired` ... as in StatusCause.reason. */
  type: string
  /** The body after `<field>: `, e.g. `Required value` or `Invalid value: "My_Pod": a lowercase ...`. */
  body: string
}

/**
 * `Pod "x" is invalid: <errs>` (apimachinery NewInvalid): one error bare, several as `[e1, e2]`.
 * `qualifiedKind` is `Pod` for the core group and `Deployment.apps` otherwise.
 */
export function invalid(qualifiedKind: string, name: string, errors: FieldError[]): ApiError {
  // ErrorList.ToAggregate drops repeated messages; the causes keep every error.
  const texts = [...new Set(errors.map((e) => `${e.field}: ${e.body}`))]
  const aggregate = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
  const [kind, group = ''] = qualifiedKind.split(/\.(.*)/s)
  const suffix = texts.length === 0 ? '' : `: ${aggregate}`
  return new ApiError('Invalid', `${qualifiedKind} ${JSON.stringify(name)} is invalid${suffix}`, {
    name,
    group,
    kind,
    causes: errors.map((e) => ({ reason: e.type, message: e.body, field: e.field })),
  })
}
