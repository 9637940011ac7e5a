// What the kubelet reads from ConfigMaps and Secrets to create a container (release-1.32 pkg/kubelet/
// kubelet_pods.go makeEnvironmentVariables): envFrom first, each key as it is (with the prefix; since
// RelaxedEnvironmentVariableValidation the kubelet skips no key), then env in order over it, values
// `$(VAR)`-expanded (third_party/forked/golang/expansion) or read from their source. A missing object or key
// that is not optional is the error startContainer turns into CreateContainerConfigError; the objects' getters
// (the watch-based secret/configmap managers) name them `secret "x" not found` / `configmap "x" not found`.

import type { ConfigMap, Secret } from '../api/config/types'
import type { Container, Pod } from '../api/pods/types'

/** Where the kubelet finds the objects (its listers). */
export interface ConfigSource {
  configMap(namespace: string, name: string): ConfigMap | undefined
  secret(namespace: string, name: string): Secret | undefined
}

export interface EnvVar {
  name: string
  value: string
}

export type EnvResult = { ok: true; env: EnvVar[] } | { ok: false; message: string }

interface KeyRef {
  name?: string
  key?: string
  optional?: boolean
}
interface EnvSource {
  prefix?: string
  configMapRef?: { name?: string; optional?: boolean }
  secretRef?: { name?: string; optional?: boolean }
}
interface EnvEntry {
  name: string
  value?: string
  valueFrom?: {
    configMapKeyRef?: KeyRef
    secretKeyRef?: KeyRef
    fieldRef?: { fieldPath?: string }
  }
}

class MissingConfig extends Error {}

/** A Secret's values as the container sees them (string(bytes)). */
export const secretText = (value: string): string => Buffer.from(value, 'base64').toString('utf8')

/** Reads ConfigMaps and Secrets once per container, as the kubelet's per-call maps do. */
class Reader {
  private readonly configMaps = new Map<string, ConfigMap | undefined>()
  private readonly secrets = new Map<string, Secret | undefined>()
  constructor(
    private readonly source: ConfigSource,
    private readonly namespace: string,
  ) {}

  /** The ConfigMap's data, undefined when it is missing and optional; throws MissingConfig otherwise. */
  configMap(name: string, optional: boolean): Record<string, string> | undefined {
    if (!this.configMaps.has(name)) this.configMaps.set(name, this.source.configMap(this.namespace, name))
    const found = this.configMaps.get(name)
    if (!found && !optional) throw new MissingConfig(`configmap "${name}" not found`)
    return found ? (found.data ?? {}) : undefined
  }

  /** The Secret's data as text, undefined when it is missing and optional; throws MissingConfig otherwise. */
  secret(name: string, optional: boolean): Record<string, string> | undefined {
    if (!this.secrets.has(name)) this.secrets.set(name, this.source.secret(this.namespace, name))
    const found = this.secrets.get(name)
    if (!found && !optional) throw new MissingConfig(`secret "${name}" not found`)
    return found ? Object.fromEntries(Object.entries(found.data ?? {}).map(([k, v]) => [k, secretText(v)])) : undefined
  }
}

/** The environment of `container` (in the order the kubelet builds it), or the message of what is missing. */
export function resolveEnv(pod: Pod, container: Container, source: ConfigSource): EnvResult {
  const namespace = pod.metadata.namespace ?? 'default'
  const read = new Reader(source, namespace)
  const env = new Map<string, string>()
  try {
    for (const from of (container.envFrom as EnvSource[] | undefined) ?? []) {
      const ref = from.configMapRef ?? from.secretRef
      if (!ref) continue
      const data = from.configMapRef ? read.configMap(ref.name ?? '', ref.optional === true) : read.secret(ref.name ?? '', ref.optional === true)
      for (const [k, v] of Object.entries(data ?? {})) env.set((from.prefix ?? '') + k, v)
    }
    // Expansion sees envFrom's variables and the env entries before this one.
    for (const e of (container.env as EnvEntry[] | undefined) ?? []) {
      const value = e.value ? expand(e.value, env) : valueFrom(pod, e, read, namespace)
      if (value !== undefined) env.set(e.name, value)
    }
  } catch (e) {
    if (e instanceof MissingConfig) return { ok: false, message: e.message }
    throw e
  }
  return { ok: true, env: [...env].map(([name, value]) => ({ name, value })) }
}

/** An env entry's source: undefined skips it (an optional ref that is not there). Throws MissingConfig. */
function valueFrom(pod: Pod, e: EnvEntry, read: Reader, namespace: string): string | undefined {
  const from = e.valueFrom
  if (from?.configMapKeyRef || from?.secretKeyRef) {
    const ref = (from.configMapKeyRef ?? from.secretKeyRef)!
    const optional = ref.optional === true
    const kind = from.configMapKeyRef ? 'ConfigMap' : 'Secret'
    const data = from.configMapKeyRef ? read.configMap(ref.name ?? '', optional) : read.secret(ref.name ?? '', optional)
    if (!data) return undefined
    const value = data[ref.key ?? '']
    if (value !== undefined) return value
    if (optional) return undefined
    throw new MissingConfig(`couldn't find key ${ref.key ?? ''} in ${kind} ${namespace}/${ref.name ?? ''}`)
  }
  if (from?.fieldRef) return fieldValue(pod, from.fieldRef.fieldPath ?? '')
  return ''
}

/** podFieldSelectorRuntimeValue for the downward API fields a pod's env may name. */
export function fieldValue(pod: Pod, path: string): string {
  const m = pod.metadata
  const item = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (item) return (item[1] === 'labels' ? m.labels : m.annotations)?.[item[2] ?? ''] ?? ''
  const fields: Record<string, string | undefined> = {
    'metadata.name': m.name,
    'metadata.namespace': m.namespace,
    'metadata.uid': m.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  }
  return fields[path] ?? ''
}

/**
 * expansion.Expand with MappingFuncFor(vars): `$(NAME)` becomes the variable's value, or stays as written when
 * there is none; `$$` is one `$`; anything else after `$` is kept.
 */
export function expand(input: string, vars: ReadonlyMap<string, string> | Record<string, string>): string {
  const lookup = (name: string): string | undefined => (vars instanceof Map ? vars.get(name) : (vars as Record<string, string>)[name])
  let out = ''
  let checkpoint = 0
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue
    out += input.slice(checkpoint, cursor)
    const rest = input.slice(cursor + 1)
    let advance = 1
    if (rest[0] === '$') out += '$'
    else if (rest[0] === '(') {
      const close = rest.indexOf(')')
      if (close > 0) {
        const name = rest.slice(1, close)
        out += lookup(name) ?? `$(${name})`
        advance = close + 1
      } else out += '$('
    } else out += '$' + (rest[0] ?? '')
    cursor += advance
    checkpoint = cursor + 1
  }
  return out + input.slice(checkpoint)
}
