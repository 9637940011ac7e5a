// Errors cross every door as plain data: a reason a program can switch on, and the message a person reads
// (already in the words kubectl would print). Never match on the message.

export type ErrorReason =
  | 'BadRequest'
  | 'Forbidden'
  | 'Invalid'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'NoKindMatch'
  | 'NotSimulated'
  | 'ParseError'
  | 'ClusterFileRefused'
  | 'ClusterFileDamaged'
  | 'ClusterFileBusy'
  | 'Internal'

export interface ContractError {
  reason: ErrorReason
  message: string
}

/** An object (not an array) with a string reason and message; the reason is not checked against ErrorReason. */
export function isContractError(value: unknown): value is ContractError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const v = value as Record<string, unknown>
  return typeof v.reason === 'string' && typeof v.message === 'string'
}
