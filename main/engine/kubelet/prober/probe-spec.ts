// The probe and lifecycle-handler fields of core/v1 (k8s.io/api core/v1 types.go, v0.32.0: Probe,
// ProbeHandler, LifecycleHandler, HTTPGetAction, TCPSocketAction, GRPCAction, SleepAction), read off a
// container as the API server stored it (defaults applied: api/pods/defaults.ts defaultProbe).

import type { Container } from '../../api/pods/types'

export type IntOrString = number | string

export interface HTTPHeader {
  name: string
  value: string
}

export interface HTTPGetAction {
  path?: string
  port: IntOrString
  host?: string
  scheme?: 'HTTP' | 'HTTPS'
  httpHeaders?: HTTPHeader[]
}

export interface ExecAction {
  command?: string[]
}

export interface TCPSocketAction {
  port: IntOrString
  host?: string
}

export interface GRPCAction {
  port: number
  service?: string | null
}

export interface SleepAction {
  seconds: number
}

export interface ProbeHandler {
  exec?: ExecAction
  httpGet?: HTTPGetAction
  tcpSocket?: TCPSocketAction
  grpc?: GRPCAction
}

/** A probe with the API server's defaults (timeout 1, period 10, thresholds 1/3); seconds. */
export interface Probe extends ProbeHandler {
  initialDelaySeconds?: number
  timeoutSeconds?: number
  periodSeconds?: number
  successThreshold?: number
  failureThreshold?: number
  terminationGracePeriodSeconds?: number
}

export interface LifecycleHandler {
  exec?: ExecAction
  httpGet?: HTTPGetAction
  /** Deprecated, kept for backward compatibility: never run (handlers.go has no case for it). */
  tcpSocket?: TCPSocketAction
  sleep?: SleepAction
}

export interface Lifecycle {
  postStart?: LifecycleHandler
  preStop?: LifecycleHandler
}

/** The three probe types in prober_manager.go's order of String(): the worker kinds. */
export type ProbeType = 'liveness' | 'readiness' | 'startup'

/** probeType.String(): how events name a probe type. */
export function probeTypeName(t: ProbeType): 'Liveness' | 'Readiness' | 'Startup' {
  return t === 'liveness' ? 'Liveness' : t === 'readiness' ? 'Readiness' : 'Startup'
}

const FIELD: Record<ProbeType, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> = {
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
  startup: 'startupProbe',
}

/** The container's probe of type `t`, or undefined when it has none. */
export function probeOf(container: Container, t: ProbeType): Probe | undefined {
  const p = container[FIELD[t]]
  return typeof p === 'object' && p !== null ? (p as Probe) : undefined
}

/** The container's lifecycle hooks, if any. */
export function lifecycleOf(container: Container): Lifecycle | undefined {
  const l = container.lifecycle
  return typeof l === 'object' && l !== null ? (l as Lifecycle) : undefined
}

/** Probe timings in ms with the API defaults for a probe stored without them. */
export function probeTimings(p: Probe): { initialDelayMs: number; periodMs: number; timeoutMs: number; successThreshold: number; failureThreshold: number } {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: (p.periodSeconds || 10) * 1000,
    timeoutMs: (p.timeoutSeconds || 1) * 1000,
    successThreshold: p.successThreshold || 1,
    failureThreshold: p.failureThreshold || 3,
  }
}
