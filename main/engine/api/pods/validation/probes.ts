// Probes and lifecycle handlers (kubernetes v1.32.1 pkg/apis/core/validation/validation.go validateProbe,
// validateLivenessProbe/Readiness/Startup, validateHandler, validateLifecycle).

import type { FieldError } from '../../errors'
import { child, forbidden, invalid, notSupported, required } from '../../field'
import { isValidPortName, isValidPortNum } from '../../meta/validation'
import { isObj, num, str, type Obj } from './values'

const NEGATIVE = 'must be greater than or equal to 0'

/** ValidatePortNumOrName over an IntOrString; an unset port is the int 0. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m))
  const n = num(port)
  return isValidPortNum(n).map((m) => invalid(path, n, m))
}

function validateHTTPGet(h: Obj, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!str(h.path)) errs.push(required(child(path, 'path')))
  errs.push(...validatePortNumOrName(h.port, child(path, 'port')))
  if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') errs.push(notSupported(child(path, 'scheme'), str(h.scheme), ['HTTP', 'HTTPS']))
  return errs
}

/** Exactly one handler; the ones after the first are Forbidden, in the order Go checks them. */
export function validateHandler(handler: Obj, path: string, kinds: readonly string[], gracePeriod: number | undefined): FieldError[] {
  const errs: FieldError[] = []
  let count = 0
  for (const kind of kinds) {
    const h = handler[kind]
    if (!isObj(h)) continue
    const p = child(path, kind)
    if (count > 0) {
      errs.push(forbidden(p, 'may not specify more than 1 handler type'))
      continue
    }
    count++
    if (kind === 'exec' && !(Array.isArray(h.command) && h.command.length > 0)) errs.push(required(child(p, 'command')))
    if (kind === 'httpGet') errs.push(...validateHTTPGet(h, p))
    if (kind === 'tcpSocket' || kind === 'grpc') errs.push(...validatePortNumOrName(kind === 'grpc' ? num(h.port) : h.port, child(p, 'port')))
    if (kind === 'sleep' && gracePeriod !== undefined && (num(h.seconds) <= 0 || num(h.seconds) > gracePeriod)) {
      errs.push(
        invalid(p, num(h.seconds), `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`),
      )
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'))
  return errs
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const

function validateProbe(probe: Obj, path: string): FieldError[] {
  const errs = validateHandler(probe, path, PROBE_HANDLERS, undefined)
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    if (num(probe[f]) < 0) errs.push(invalid(child(path, f), num(probe[f]), NEGATIVE))
  }
  const grace = probe.terminationGracePeriodSeconds
  if (typeof grace === 'number' && grace <= 0) errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), grace, 'must be greater than 0'))
  return errs
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe'

export function validateProbeOf(kind: ProbeKind, probe: unknown, path: string): FieldError[] {
  if (!isObj(probe)) return []
  const errs = validateProbe(probe, path)
  if (kind === 'readinessProbe') {
    if (typeof probe.terminationGracePeriodSeconds === 'number') {
      errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'))
    }
  } else if (num(probe.successThreshold) !== 1) {
    errs.push(invalid(child(path, 'successThreshold'), num(probe.successThreshold), 'must be 1'))
  }
  return errs
}

export function validateLifecycle(lifecycle: Obj, path: string, gracePeriod: number | undefined): FieldError[] {
  const errs: FieldError[] = []
  for (const hook of ['postStart', 'preStop']) {
    const h = lifecycle[hook]
    if (isObj(h)) errs.push(...validateHandler(h, child(path, hook), LIFECYCLE_HANDLERS, gracePeriod))
  }
  return errs
}
