// describe.go describeContainers and its parts (v0.32.5): a container's ID, image, ports, command, state, Ready,
// Restart Count, limits and requests, probe lines, environment and mounts, as `kubectl describe pod` and the
// Pod Template block of the workload describers print them.

import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer'
import { printBool, rfc1123z, sortedKeys, stringOrNone } from './format'
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements } from './types'

/** Resolves an env var's fieldRef against the pod (EnvValueRetriever); templates have none. */
export type EnvResolver = ((e: EnvVar) => string) | undefined

export function describeContainers(label: string, containers: Container[], statuses: ContainerStatus[] | undefined, resolver: EnvResolver, w: PrefixWriter, space: string): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const container of containers) {
    const status = byName.get(container.name)
    describeContainerBasicInfo(container, status, space, w)
    describeContainerCommand(container, w)
    if (status) describeContainerState(status, w)
    describeResources(container.resources, w, LEVEL_2)
    describeContainerProbe(container, w)
    if ((container.envFrom ?? []).length > 0) describeContainerEnvFrom(container, w)
    describeContainerEnvVars(container, resolver, w)
    describeContainerVolumes(container, w)
  }
}

function describeContainerBasicInfo(container: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${container.name}:\n`)
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
  w.write(LEVEL_2, `Image:\t${container.image ?? ''}\n`)
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
  const ports = (container.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ')
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`)
  const hostPorts = (container.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ')
  w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`)
  const seccomp = container.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
}

function describeContainerCommand(container: Container, w: PrefixWriter): void {
  for (const [title, words] of [['Command', container.command], ['Args', container.args]] as const) {
    if (!words || words.length === 0) continue
    w.write(LEVEL_2, `${title}:\n`)
    for (const word of words) for (const line of word.split('\n')) w.write(LEVEL_3, `${line}\n`)
  }
}

/** describeResources: Limits then Requests, each sorted by resource name, quantities as the server stores them. */
export function describeResources(resources: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return
  for (const [title, list] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const names = sortedKeys(list)
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const name of names) w.write(level + 1, `${name}:\t${list![name]}\n`)
  }
}

function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state ?? {}, w)
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`)
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
}

function describeStatus(stateName: string, state: ContainerState, w: PrefixWriter): void {
  if (state.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`)
  } else if (state.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
  }
}

function describeContainerProbe(container: Container, w: PrefixWriter): void {
  if (container.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`)
  if (container.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`)
  if (container.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`)
}

/**
 * describe.go DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`,
 * `exec [cat /tmp/healthy] ...`, `tcp-socket :6379 ...`, `grpc <pod>:2379 svc ...`.
 */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`
  if (probe.httpGet) {
    const g = probe.httpGet
    const port = String(g.port ?? '')
    const host = g.host ?? ''
    // net.JoinHostPort brackets an IPv6 host; url.URL.String writes scheme://host then the path.
    const hostPort = port.length > 0 ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host
    const scheme = (g.scheme ?? '').toLowerCase()
    return `http-get ${scheme ? `${scheme}://` : '//'}${hostPort}${g.path ?? ''} ${attrs}`
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port)} ${attrs}`
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function describeContainerEnvFrom(container: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n')
  for (const e of container.envFrom ?? []) {
    const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined]
    const optional = ref?.optional === true
    if (!e.prefix) w.write(LEVEL_3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`)
    else w.write(LEVEL_3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`)
  }
}

function describeContainerEnvVars(container: Container, resolver: EnvResolver, w: PrefixWriter): void {
  const env = container.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    const from = e.valueFrom
    if (!from) {
      ;(e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
    } else if (from.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resolver ? resolver(e) : ''} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`)
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource
      let value = containerResourceValue(container, resource, from.resourceFieldRef.divisor)
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable'
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`)
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`)
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`)
    }
  }
}

/**
 * resourcehelper.ExtractContainerResourceValue, for the divisors learners use (none, 1, 1m, 1Mi...): "0" when the
 * container sets no such value (describe then says `node allocatable` for a limit).
 */
function containerResourceValue(container: Container, resource: string, divisor: string | undefined): string {
  const [kind, name] = resource.split('.') as ['limits' | 'requests', string]
  const raw = container.resources?.[kind]?.[name]
  if (raw === undefined) return '0'
  if (name === 'cpu') {
    const milli = parseCpuMilli(raw)
    const per = divisor ? parseCpuMilli(divisor) : 1000
    return String(Math.ceil(milli / per))
  }
  const bytes = parseBytes(raw)
  const per = divisor ? parseBytes(divisor) : 1
  return String(Math.ceil(bytes / per))
}

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, m: 1e-3 }
const parseBytes = (q: string): number => {
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(q)
  return m ? Number(m[1]) * (SUFFIX[m[2]!] ?? 1) : 0
}
const parseCpuMilli = (q: string): number => parseBytes(q) * 1000

function describeContainerVolumes(container: Container, w: PrefixWriter): void {
  const mounts = container.volumeMounts ?? []
  const none = mounts.length === 0 ? '\t<none>' : ''
  w.write(LEVEL_2, `Mounts:${none}\n`)
  // sort.Sort(SortableVolumeMounts): by mount path.
  for (const m of [...mounts].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])]
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
  const devices = container.volumeDevices ?? []
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`)
    for (const d of [...devices].sort((a, b) => (a.devicePath < b.devicePath ? -1 : 1))) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`)
  }
}

/**
 * EnvValueRetriever: a fieldRef's value as kubectl's fieldpath.ExtractFieldPathAsString finds it on the pod, which
 * knows metadata.name, namespace, uid, labels and annotations only (`spec.nodeName` prints empty, as kubectl does).
 */
export function envValueRetriever(pod: Pod): (e: EnvVar) => string {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath ?? ''
    const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(path)
    if (sub) return (sub[1] === 'metadata.labels' ? pod.metadata.labels : pod.metadata.annotations)?.[sub[2]!] ?? ''
    const formatMap = (m: Record<string, string> | undefined) => sortedKeys(m).map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n')
    switch (path) {
      case 'metadata.annotations':
        return formatMap(pod.metadata.annotations)
      case 'metadata.labels':
        return formatMap(pod.metadata.labels)
      case 'metadata.name':
        return pod.metadata.name ?? ''
      case 'metadata.namespace':
        return pod.metadata.namespace ?? ''
      case 'metadata.uid':
        return pod.metadata.uid ?? ''
      default:
        return ''
    }
  }
}
