// meta.k8s.io/v1 Status: what the API server answers when a call fails (and for some deletes), as every door
// will carry it: the built-in kubectl words its errors from it, the REST door sends it as the body.
// Field names and JSON tags as staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (Status, StatusDetails,
// StatusCause); reasons as its StatusReason constants.

/** metav1.StatusReason: why a call failed, the switch a program uses. `''` is StatusReasonUnknown. */
export type StatusReason =
  | ''
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'ServerTimeout'
  | 'StoreReadError'
  | 'Timeout'
  | 'TooManyRequests'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Expired'
  | 'ServiceUnavailable'

/** metav1.StatusCause; its Go field `Type` is `reason` in JSON (e.g. `FieldValueRequired`). */
export interface StatusCause {
  reason?: string
  /** The field error's text without the field, e.g. `Required value`. */
  message?: string
  /** e.g. `spec.containers[0].image`. */
  field?: string
}

/** metav1.StatusDetails. `kind` is the kind for Invalid (`Pod`), the resource for NotFound/AlreadyExists (`pods`). */
export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  uid?: string
  causes?: StatusCause[]
  /** Seconds. */
  retryAfterSeconds?: number
}

/** metav1.Status as the API server serialises it. `code` is the HTTP status code. */
export interface Status {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number }
  status: 'Success' | 'Failure'
  message?: string
  reason?: StatusReason
  details?: StatusDetails
  code: number
}

/**
 * A failed call's Status (apimachinery's errors.New*Error shape): `code` the HTTP status, fields in the order the
 * API server writes them, `details` left out when absent.
 */
export function failureStatus(code: number, reason: StatusReason, message: string, details?: StatusDetails): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code }
}
