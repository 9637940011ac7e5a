// The pod `kubectl run` makes: kubectl pkg/generate/versioned/run.go BasicPod.Generate (run-pod/v1, v0.32.5),
// with generate.ParseLabels (pkg/generate/generate.go) and parseEnvs. Its errors are the generator's words.

import type { KubeObject } from '../../../kube'
import { envVarNameErrors } from '../create/sources'

/** What the run flags give the generator (params of run-pod/v1). */
export interface PodParams {
  name: string
  image: string
  /** --labels as typed ('' for the default run=NAME). */
  labels: string
  /** --annotations, each KEY=VALUE. */
  annotations: string[]
  /** --env, each NAME=VALUE. */
  env: string[]
  /** --port as typed ('' for none). */
  port: string
  imagePullPolicy: string
  restartPolicy: string
  /** The arguments after NAME: the container's args, or its command with --command. */
  args: string[]
  command: boolean
  stdin: boolean
  leaveStdinOpen: boolean
  tty: boolean
  privileged: boolean
}

/** A refusal of the generator, printed by checkErr as `error: <message>`. */
export class GenerateError extends Error {
  readonly reason = 'GenerateFailed' as const
}

/**
 * BasicPod.Generate: one container named after the pod, label run=NAME unless --labels, dnsPolicy ClusterFirst.
 * Throws GenerateError (`invalid env: X`, `unexpected label spec: X`, `unexpected empty label key`,
 * `invalid annotations format: X`, `strconv.Atoi: parsing "X": invalid syntax`).
 */
export function generatePod(p: PodParams): KubeObject {
  const env = parseEnvs(p.env)
  const labels = p.labels ? parseLabels(p.labels) : { run: p.name }
  const annotations = parseAnnotations(p.annotations)
  const container: Record<string, unknown> = { name: p.name, image: p.image }
  if (p.args.length > 0) container[p.command ? 'command' : 'args'] = p.args
  if (p.port) container.ports = [{ containerPort: atoi(p.port) }]
  if (env.length > 0) container.env = env
  container.resources = {}
  if (p.imagePullPolicy) container.imagePullPolicy = p.imagePullPolicy
  if (p.privileged) container.securityContext = { privileged: true }
  if (p.stdin) container.stdin = true
  if (p.stdin && !p.leaveStdinOpen) container.stdinOnce = true
  if (p.tty) container.tty = true
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, creationTimestamp: null, labels, ...(annotations ? { annotations } : {}) },
    spec: { containers: [container], restartPolicy: p.restartPolicy || 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  } as unknown as KubeObject
}

/** parseEnvs: NAME=VALUE with a valid, non-empty name (the value may hold `=` or be empty). */
function parseEnvs(envs: string[]): Array<{ name: string; value: string }> {
  return envs.map((env) => {
    const at = env.indexOf('=')
    const name = at < 0 ? '' : env.slice(0, at)
    if (at < 0 || name === '' || envVarNameErrors(name).length > 0) throw new GenerateError(`invalid env: ${env}`)
    return { name, value: env.slice(at + 1) }
  })
}

/** generate.ParseLabels: `k=v,k2=v2`, each with exactly one `=` and a key. */
export function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const item of spec.split(',')) {
    const parts = item.split('=')
    if (parts.length !== 2) throw new GenerateError(`unexpected label spec: ${item}`)
    if (parts[0] === '') throw new GenerateError('unexpected empty label key')
    labels[parts[0]!] = parts[1]!
  }
  return labels
}

/** --annotations: KEY=VALUE split at the first `=`; undefined when none was given. */
function parseAnnotations(items: string[]): Record<string, string> | undefined {
  if (items.length === 0) return undefined
  const out: Record<string, string> = {}
  for (const item of items) {
    const at = item.indexOf('=')
    if (at < 0) throw new GenerateError(`invalid annotations format: ${item}`)
    out[item.slice(0, at)] = item.slice(at + 1)
  }
  return out
}

/** strconv.Atoi: a decimal int64 with an optional sign, its error in Go's words. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new GenerateError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`)
  const n = Number(s)
  if (!Number.isSafeInteger(n)) throw new GenerateError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`)
  return n
}
