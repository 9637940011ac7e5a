// Payload checks of the history calls (issue 11 items 4 and 5): every filter is bounded as Kubernetes bounds
// the field it matches (names: DNS-1123 subdomain <= 253; namespaces: label <= 63; an Event's reason <= 128,
// as events.k8s.io's validation bounds it), times are whole virtual ms, a page holds at most MAX_HISTORY_PAGE.

import { MAX_HISTORY_PAGE } from '../kube/history'
import { isPlainObject, onlyKeys, type Check } from './check'

const FILTER_KEYS = ['resource', 'namespace', 'name', 'reason', 'eventType', 'change', 'fromMs', 'toMs']

/** A virtual time or resourceVersion: a whole number from `min` that JSON carries exactly. */
const whole = (v: unknown, min: number) => Number.isSafeInteger(v) && (v as number) >= min

function optionalText(value: unknown, field: string, max: number, pattern?: RegExp): string | null {
  if (value === undefined) return null
  if (typeof value !== 'string' || value.length > max) return `${field} must be a string of at most ${max} characters`
  if (pattern && !pattern.test(value)) return `${field} is not a valid ${field}`
  return null
}

function oneOf(value: unknown, field: string, allowed: readonly string[]): string | null {
  return value === undefined || (typeof value === 'string' && allowed.includes(value)) ? null : `${field} must be one of ${allowed.join(', ')}`
}

function range(from: unknown, to: unknown, names: [string, string]): string | null {
  if (from !== undefined && !whole(from, 0)) return `${names[0]} must be a whole number of ms from 0`
  if (to !== undefined && !whole(to, 0)) return `${names[1]} must be a whole number of ms from 0`
  if (from !== undefined && to !== undefined && (from as number) > (to as number)) return `${names[0]} must not be after ${names[1]}`
  return null
}

const filter = (f: unknown): string | null => {
  if (f === undefined) return null
  if (!isPlainObject(f)) return 'filter must be an object'
  return (
    onlyKeys(f, FILTER_KEYS) ??
    // A plural resource name as discovery lists it (`pods`, `replicasets`).
    optionalText(f.resource, 'resource', 63, /^[a-z][a-z0-9]*$/) ??
    // '' is the cluster-scoped objects' namespace.
    optionalText(f.namespace, 'namespace', 63, /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)?$/) ??
    optionalText(f.name, 'name', 253) ??
    optionalText(f.reason, 'reason', 128) ??
    oneOf(f.eventType, 'eventType', ['Normal', 'Warning']) ??
    oneOf(f.change, 'change', ['ADDED', 'MODIFIED', 'DELETED']) ??
    range(f.fromMs, f.toMs, ['fromMs', 'toMs'])
  )
}

export const historyChecks: { list: Check; version: Check } = {
  list: (p) =>
    onlyKeys(p, ['filter', 'before', 'after', 'limit']) ??
    filter(p.filter) ??
    (p.before === undefined || whole(p.before, 1) ? null : 'before must be a resourceVersion (a whole number from 1)') ??
    (p.after === undefined || whole(p.after, 0) ? null : 'after must be a resourceVersion (a whole number from 0)') ??
    (p.before !== undefined && p.after !== undefined ? 'give before or after, not both' : null) ??
    (p.limit === undefined || (Number.isInteger(p.limit) && (p.limit as number) >= 1 && (p.limit as number) <= MAX_HISTORY_PAGE)
      ? null
      : `limit must be a whole number from 1 to ${MAX_HISTORY_PAGE}`),
  version: (p) => onlyKeys(p, ['resourceVersion']) ?? (whole(p.resourceVersion, 1) ? null : 'resourceVersion must be a whole number from 1'),
}

export const timelineCheck: Check = (p) => onlyKeys(p, ['from', 'to']) ?? range(p.from, p.to, ['from', 'to'])
