// kubectl's error values and how it prints them: checkErr, StandardErrorMessage, MultilineError and
// MultipleErrors from kubectl pkg/cmd/util/helpers.go (v0.32.5), AddSourceToErr, and apimachinery's aggregate
// Error(). Errors are kept as values until the very end because kubectl prints one error differently from
// several (`The Pod "x" is invalid: ...` alone, `Error from server (Invalid): ...` inside an aggregate).

import type { ContractError, ErrorReason } from '../contract'
import { isApiError, type StatusDetails } from '../engine'

/** A metav1.Status carried by an error from the server. */
export interface Status {
  reason: string
  message: string
  details?: StatusDetails
}

export type CliError =
  | { kind: 'status'; status: Status }
  | { kind: 'plain'; message: string; reason?: ErrorReason }
  | { kind: 'aggregate'; errors: CliError[] }

export const plain = (message: string, reason?: ErrorReason): CliError => ({ kind: 'plain', message, ...(reason ? { reason } : {}) })

/** An error thrown by the engine, as the API server's Status would reach kubectl. */
export function fromThrown(e: unknown): CliError {
  if (isApiError(e)) return { kind: 'status', status: { reason: e.reason, message: e.message, details: e.details } }
  return plain(e instanceof Error ? e.message : String(e), 'Internal')
}

/** helpers.go AddSourceToErr: `error when <verb> "<source>": <err>`, keeping a Status a Status. */
export function addSourceToErr(verb: string, source: string, err: CliError): CliError {
  if (!source) return err
  if (err.kind === 'status') return { kind: 'status', status: { ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` } }
  return plain(`error when ${verb} "${source}": ${errorString(err)}`, err.kind === 'plain' ? err.reason : undefined)
}

/** utilerrors.NewAggregate: nil for none, the aggregate otherwise (even of one). */
export function aggregate(errors: CliError[]): CliError | undefined {
  return errors.length === 0 ? undefined : { kind: 'aggregate', errors }
}

/** Go's err.Error(). */
export function errorString(err: CliError): string {
  if (err.kind === 'status') return err.status.message
  if (err.kind === 'plain') return err.message
  // apimachinery aggregate.Error(): nested aggregates are walked, duplicates dropped, several bracketed.
  const seen: string[] = []
  const visit = (e: CliError) => {
    if (e.kind === 'aggregate') e.errors.forEach(visit)
    else if (!seen.includes(errorString(e))) seen.push(errorString(e))
  }
  visit(err)
  if (err.errors.length === 1) return errorString(err.errors[0]!)
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`
}

/** StandardErrorMessage: `Error from server (<Reason>): <message>` for a Status, undefined otherwise. */
function standardErrorMessage(err: CliError): string | undefined {
  if (err.kind !== 'status') return undefined
  const s = err.status
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`
  return s.reason ? `Error from server (${s.reason}): ${s.message}` : `Error from server: ${s.message}`
}

const messageForError = (err: CliError): string => standardErrorMessage(err) ?? errorString(err)

/** What checkErr writes to stderr for `err` (always ending in a newline). */
export function checkErrText(err: CliError): string {
  // Aggregates of one are unwrapped.
  if (err.kind === 'aggregate' && err.errors.length === 1) err = err.errors[0]!
  if (err.kind === 'status' && err.status.reason === 'Invalid') return invalidText(err.status)
  if (err.kind === 'aggregate') return err.errors.map((e) => `${messageForError(e)}\n`).join('')
  let msg = standardErrorMessage(err)
  if (msg === undefined) {
    msg = errorString(err)
    if (!msg.startsWith('error: ')) msg = `error: ${msg}`
  }
  return msg.endsWith('\n') ? msg : `${msg}\n`
}

/** checkErr's Invalid branch: `The Pod "x" is invalid: ` + one cause inline, or several as a `* ` list. */
function invalidText(status: Status): string {
  const details = status.details
  let s = 'The request is invalid'
  if (!details) return `${status.message ? `${s}: ${status.message}` : s}\n`
  if (details.kind || details.name) s = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`
  else if (status.message && !details.causes?.length) s += `: ${status.message}`
  const causes: string[] = []
  for (const c of details.causes ?? []) {
    const text = `${c.field}: ${c.message}`
    if (!causes.includes(text)) causes.push(text)
  }
  if (causes.length === 0) return `${s}\n`
  if (causes.length === 1) return `${s}: ${causes[0]}\n`
  return `${s}: \n${causes.map((c) => `* ${c}\n`).join('')}`
}

/** The contract's view of an error: a reason to switch on and kubectl's words, without the final newline. */
export function toContractError(err: CliError): ContractError {
  return { reason: reasonOf(err), message: checkErrText(err).replace(/\n$/, '') }
}

function reasonOf(err: CliError): ErrorReason {
  if (err.kind === 'aggregate') return err.errors.length ? reasonOf(err.errors[0]!) : 'Internal'
  if (err.kind === 'plain') return err.reason ?? 'BadRequest'
  const known: ErrorReason[] = ['BadRequest', 'Forbidden', 'Invalid', 'NotFound', 'AlreadyExists', 'Conflict', 'Internal']
  return known.includes(err.status.reason as ErrorReason) ? (err.status.reason as ErrorReason) : 'Internal'
}
