// metav1.Status bodies for the errors this door answers itself (the engine's own are ApiErrors, which carry
// their Status: toStatus()). Texts as apimachinery pkg/api/errors words them.

import { failureStatus, type Status, type StatusReason } from '../kube'

/** An error answered as a Status; what the door raises where the engine is not asked (paths, bodies, media types). */
export class DoorError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: Status['details'],
  ) {
    super(message)
    this.name = 'DoorError'
  }

  toStatus(): Status {
    const status = failureStatus(this.code, this.reason, this.message, this.details)
    // StatusReasonUnknown is "", which Go's omitempty leaves out (ErrorToAPIStatus of an error that is no Status).
    if (this.reason === '') delete status.reason
    return status
  }
}

/**
 * A path the server has no handler for: go-restful's 404 through NewGenericServerResponse (empty details
 * included, as the API server sends them).
 */
export const pathNotFound = (): DoorError => new DoorError(404, 'NotFound', 'the server could not find the requested resource', {})

/** NewMethodNotSupported: a verb the resource does not serve (a metrics read-only kind, a DELETE of discovery). */
export const methodNotAllowed = (): DoorError =>
  new DoorError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {})

/** NewBadRequest. */
export const badRequest = (message: string): DoorError => new DoorError(400, 'BadRequest', message)

/** NewRequestEntityTooLargeError: `limit is 3145728`. */
export const entityTooLarge = (limitBytes: number): DoorError =>
  new DoorError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limitBytes}`)

/** negotiation.NewUnsupportedMediaTypeError: the body's Content-Type is none of `accepted`. */
export const unsupportedMediaType = (accepted: readonly string[]): DoorError =>
  new DoorError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`)

/** NewResourceExpired (410 Gone, reason Expired): a watch from a resourceVersion older than the history kept. */
export const expired = (message: string): DoorError => new DoorError(410, 'Expired', message)

/**
 * What Podlab does not serve yet, said plainly (405 MethodNotAllowed, so that a client neither retries nor
 * blames its manifest).
 */
export const notServedYet = (what: string): DoorError => new DoorError(405, 'MethodNotAllowed', `Podlab does not serve ${what} yet`, {})

/** A successful delete whose object is gone (Store.finalizeDelete without ReturnDeletedObject). */
export function deletedStatus(name: string, group: string, resource: string, uid: string | undefined): unknown {
  const details = Object.fromEntries(Object.entries({ name, group, kind: resource, uid }).filter(([, v]) => v !== undefined && v !== ''))
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details }
}
