// The form as the leaves it owns in the manifest: one (path, value) per field, undefined for a field left empty
// (write.ts then removes it). Lists the form owns (containers, ports, env, volumes, mounts) are also given as
// their length, so that an item removed in the form is removed from the YAML.

import { PROBE_KINDS, podSpecPath, type ContainerForm, type ProbeForm, type WorkloadForm } from './model'

export type Path = Array<string | number>
export type Leaf = string | number | string[] | Record<string, never> | undefined

export interface FormEntries {
  leaves: Map<string, { path: Path; value: Leaf }>
  /** Lists the form owns: path -> number of items. */
  lists: Map<string, { path: Path; length: number }>
}

export const pathKey = (path: Path): string => JSON.stringify(path)

/** A count or a port typed as digits is written as a YAML integer; anything else (`25%`, `http`) as text. */
export function numberOrText(value: string): string | number | undefined {
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  return /^(0|[1-9][0-9]{0,8})$/.test(trimmed) ? Number(trimmed) : trimmed
}

const text = (value: string): string | undefined => (value === '' ? undefined : value)

/** One argument a line; blank lines are not arguments. */
export function linesOf(value: string): string[] | undefined {
  const lines = value.split('\n').filter((l) => l.trim() !== '')
  return lines.length === 0 ? undefined : lines
}

export function formEntries(form: WorkloadForm): FormEntries {
  const leaves: FormEntries['leaves'] = new Map()
  const lists: FormEntries['lists'] = new Map()
  const leaf = (path: Path, value: Leaf) => leaves.set(pathKey(path), { path, value })
  const list = (path: Path, length: number) => lists.set(pathKey(path), { path, length })

  leaf(['metadata', 'name'], text(form.name))
  leaf(['metadata', 'namespace'], text(form.namespace))
  const labelPaths: Path[] = [['metadata', 'labels']]
  if (form.kind === 'Deployment') labelPaths.push(['spec', 'selector', 'matchLabels'])
  if (form.kind !== 'Pod') labelPaths.push(['spec', 'template', 'metadata', 'labels'])
  for (const base of labelPaths) for (const { key, value } of form.labels) if (key !== '') leaf([...base, key], value)

  if (form.kind === 'Deployment') {
    leaf(['spec', 'replicas'], numberOrText(form.replicas))
    leaf(['spec', 'strategy', 'type'], text(form.strategy))
    leaf(['spec', 'strategy', 'rollingUpdate', 'maxSurge'], numberOrText(form.maxSurge))
    leaf(['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], numberOrText(form.maxUnavailable))
  }
  if (form.kind === 'Job') {
    leaf(['spec', 'completions'], numberOrText(form.completions))
    leaf(['spec', 'parallelism'], numberOrText(form.parallelism))
    leaf(['spec', 'backoffLimit'], numberOrText(form.backoffLimit))
  }

  const pod = podSpecPath(form.kind)
  leaf([...pod, 'restartPolicy'], text(form.restartPolicy))
  list([...pod, 'containers'], form.containers.length)
  form.containers.forEach((c, i) => containerEntries(c, [...pod, 'containers', i], leaf, list))
  list([...pod, 'volumes'], form.volumes.length)
  form.volumes.forEach((v, i) => {
    leaf([...pod, 'volumes', i, 'name'], text(v.name))
    leaf([...pod, 'volumes', i, 'emptyDir'], v.emptyDir ? {} : undefined)
  })
  return { leaves, lists }
}

type LeafFn = (path: Path, value: Leaf) => void
type ListFn = (path: Path, length: number) => void

function containerEntries(c: ContainerForm, at: Path, leaf: LeafFn, list: ListFn): void {
  leaf([...at, 'name'], text(c.name))
  leaf([...at, 'image'], text(c.image))
  leaf([...at, 'command'], linesOf(c.command))
  leaf([...at, 'args'], linesOf(c.args))
  list([...at, 'ports'], c.ports.length)
  c.ports.forEach((p, j) => {
    leaf([...at, 'ports', j, 'containerPort'], numberOrText(p.containerPort))
    leaf([...at, 'ports', j, 'name'], text(p.name))
    leaf([...at, 'ports', j, 'protocol'], text(p.protocol))
  })
  list([...at, 'env'], c.env.length)
  c.env.forEach((e, j) => {
    leaf([...at, 'env', j, 'name'], text(e.key))
    leaf([...at, 'env', j, 'value'], text(e.value))
  })
  leaf([...at, 'resources', 'requests', 'cpu'], numberOrText(c.requestsCpu))
  leaf([...at, 'resources', 'requests', 'memory'], numberOrText(c.requestsMemory))
  leaf([...at, 'resources', 'limits', 'cpu'], numberOrText(c.limitsCpu))
  leaf([...at, 'resources', 'limits', 'memory'], numberOrText(c.limitsMemory))
  for (const kind of PROBE_KINDS) probeEntries(c[kind], [...at, kind], leaf)
  list([...at, 'volumeMounts'], c.volumeMounts.length)
  c.volumeMounts.forEach((m, j) => {
    leaf([...at, 'volumeMounts', j, 'name'], text(m.name))
    leaf([...at, 'volumeMounts', j, 'mountPath'], text(m.mountPath))
  })
}

function probeEntries(probe: ProbeForm | null, at: Path, leaf: LeafFn): void {
  const handler = probe?.handler
  leaf([...at, 'exec', 'command'], handler === 'exec' ? linesOf(probe!.command) : undefined)
  leaf([...at, 'httpGet', 'path'], handler === 'httpGet' ? text(probe!.path) : undefined)
  leaf([...at, 'httpGet', 'port'], handler === 'httpGet' ? numberOrText(probe!.port) : undefined)
  leaf([...at, 'tcpSocket', 'port'], handler === 'tcpSocket' ? numberOrText(probe!.port) : undefined)
  for (const timing of ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'] as const) {
    leaf([...at, timing], probe ? numberOrText(probe[timing]) : undefined)
  }
}
