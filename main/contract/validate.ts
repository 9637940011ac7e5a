// Payload checks for every call. Hosts run these on whatever arrives from a renderer or a socket, because
// neither is trusted: a compromised page must not be able to hand the engine a shape it does not expect.

import { CALL_NAMES, RESOURCES, type CallName, type RequestOf } from './calls'
import { MAX_SPEED, MIN_SPEED } from '../kube/clock'
import { actionProblem } from './actions'
import { historyChecks, timelineCheck } from './validate-history'
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, isPlainObject, onlyKeys, type Check } from './check'
import { MAX_ADVANCE_SECONDS, MAX_CONSOLE_COLUMNS, MAX_CONSOLE_INPUT, MAX_IMAGE_REFERENCE, MAX_MANIFEST_BYTES, MIN_CONSOLE_COLUMNS } from './limits'

/** UTF-8 length without allocating for the common short case (a UTF-16 unit is at most 3 UTF-8 bytes). */
function utf8Length(text: string): number {
  return text.length * 3 <= MAX_MANIFEST_BYTES ? text.length : new TextEncoder().encode(text).length
}


const empty: Check = (p) => onlyKeys(p, [])

const tableView: Check = (p) =>
  onlyKeys(p, ['resource', 'namespace']) ??
  (typeof p.resource === 'string' && (RESOURCES as readonly string[]).includes(p.resource)
    ? null
    : `resource must be one of ${RESOURCES.join(', ')}`) ??
  (p.namespace === undefined || (typeof p.namespace === 'string' && p.namespace.length > 0 && p.namespace.length <= 253)
    ? null
    : 'namespace must be a non-empty string (omit it for all namespaces)')

/** A job id as a session hands them out: a short decimal. */
const jobId = (v: unknown) => (typeof v === 'string' && /^[0-9]{1,12}$/.test(v) ? null : 'job must be a job id the console gave')

// Issue 11 items 6 and 7: names as Kubernetes bounds them (IsDNS1123Label for namespaces, IsDNS1123Subdomain
// for pod names).
const namespaceName = (v: unknown) =>
  typeof v === 'string' && v.length <= 63 && DNS1123_LABEL.test(v) ? null : 'namespace must be a DNS-1123 label of at most 63 characters'
const podName = (v: unknown) =>
  typeof v === 'string' && v.length <= 253 && DNS1123_SUBDOMAIN.test(v) ? null : 'name must be a DNS-1123 subdomain of at most 253 characters'
// Issue 11 item 3: pod detail.
const podRef: Check = (p) => onlyKeys(p, ['namespace', 'name']) ?? namespaceName(p.namespace) ?? podName(p.name)

const checks: Record<CallName, Check> = {
  'cluster.info': empty,
  'kubeapi.info': empty,
  'manifests.apply': (p) =>
    onlyKeys(p, ['text', 'source']) ??
    (typeof p.text === 'string' && utf8Length(p.text) <= MAX_MANIFEST_BYTES ? null : 'text must be a string of at most 3 MiB') ??
    (typeof p.source === 'string' && p.source.length <= 4096 ? null : 'source must be a string'),
  'table.get': tableView,
  'table.watch': tableView,
  'table.unwatch': tableView,
  'clock.get': empty,
  'clock.advance': (p) =>
    onlyKeys(p, ['seconds']) ??
    (typeof p.seconds === 'number' && Number.isFinite(p.seconds) && p.seconds >= 0 && p.seconds <= MAX_ADVANCE_SECONDS
      ? null
      : `seconds must be a number from 0 to ${MAX_ADVANCE_SECONDS}`),
  'clock.pause': empty,
  'clock.resume': empty,
  'clock.setSpeed': (p) =>
    onlyKeys(p, ['speed']) ??
    (typeof p.speed === 'number' && p.speed >= MIN_SPEED && p.speed <= MAX_SPEED
      ? null
      : `speed must be a number from ${MIN_SPEED} to ${MAX_SPEED}`),
  'console.run': (p) =>
    onlyKeys(p, ['line', 'columns']) ??
    (typeof p.line === 'string' && utf8Length(p.line) <= MAX_MANIFEST_BYTES ? null : 'line must be a string of at most 3 MiB') ??
    (Number.isInteger(p.columns) && (p.columns as number) >= MIN_CONSOLE_COLUMNS && (p.columns as number) <= MAX_CONSOLE_COLUMNS
      ? null
      : `columns must be a whole number from ${MIN_CONSOLE_COLUMNS} to ${MAX_CONSOLE_COLUMNS}`),
  'console.input': (p) =>
    onlyKeys(p, ['job', 'text', 'eof']) ??
    jobId(p.job) ??
    ((typeof p.text === 'string' && p.text.length <= MAX_CONSOLE_INPUT && p.eof === undefined) || (p.text === undefined && p.eof === true)
      ? null
      : `give either text (at most ${MAX_CONSOLE_INPUT} characters) or eof: true`),
  'console.interrupt': (p) => onlyKeys(p, ['job']) ?? jobId(p.job),
  'console.edit': (p) =>
    onlyKeys(p, ['job', 'text', 'cancel']) ??
    jobId(p.job) ??
    ((typeof p.text === 'string' && utf8Length(p.text) <= MAX_MANIFEST_BYTES && p.cancel === undefined) || (p.text === undefined && p.cancel === true)
      ? null
      : 'give either text (at most 3 MiB) or cancel: true'),
  'console.complete': (p) =>
    onlyKeys(p, ['line']) ?? (typeof p.line === 'string' && p.line.length <= MAX_CONSOLE_INPUT ? null : `line must be a string of at most ${MAX_CONSOLE_INPUT} characters`),
  // Issue 11 item 2: manifest forms, live validation and the preview
  'manifests.check': (p) =>
    onlyKeys(p, ['text']) ?? (typeof p.text === 'string' && utf8Length(p.text) <= MAX_MANIFEST_BYTES ? null : 'text must be a string of at most 3 MiB'),
  // Issue 11 item 3: pod detail
  'pods.detail': podRef,
  // Issue 11 item 8: actions and the clock's step
  'actions.run': (p) => onlyKeys(p, ['action']) ?? actionProblem(p.action),
  'clock.stepToNextEvent': empty,
  // Issue 11 item 5: lifecycle history
  'history.list': historyChecks.list,
  'history.version': historyChecks.version,
  // Issue 11 item 4: the whole cluster over time
  'cluster.timeline': timelineCheck,
  // Issue 11 items 6 and 7: the cluster map, ownership graph, why Pending, the image catalog
  'cluster.map': empty,
  'workloads.graph': (p) => onlyKeys(p, ['namespace']) ?? (p.namespace === undefined ? null : namespaceName(p.namespace)),
  'scheduling.verdicts': (p) => onlyKeys(p, ['namespace', 'name']) ?? namespaceName(p.namespace) ?? podName(p.name),
  'images.catalog': (p) =>
    onlyKeys(p, ['image']) ??
    (p.image === undefined || (typeof p.image === 'string' && p.image.length > 0 && p.image.length <= MAX_IMAGE_REFERENCE)
      ? null
      : `image must be a non-empty string of at most ${MAX_IMAGE_REFERENCE} characters`),
}

export type Checked =
  | { ok: true; call: CallName; request: RequestOf<CallName> }
  | { ok: false; message: string }

// Never String() what arrived: a deeply nested array overflows the stack when joined.
function describeType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
}

/** Checks a call name and its payload as they arrived from outside. */
export function checkCall(call: unknown, payload: unknown): Checked {
  if (typeof call !== 'string') return { ok: false, message: `unknown call of type ${describeType(call)}` }
  if (!(CALL_NAMES as readonly string[]).includes(call)) return { ok: false, message: `unknown call ${JSON.stringify(call.slice(0, 80))}` }
  const name = call as CallName
  const body = payload === undefined ? {} : payload
  if (!isPlainObject(body)) return { ok: false, message: `${name}: payload must be an object` }
  const problem = checks[name](body)
  return problem ? { ok: false, message: `${name}: ${problem}` } : { ok: true, call: name, request: body as RequestOf<CallName> }
}
