// What the simulator will do with a document the dry run accepted (issue 11 item 2): how many pods it asks
// for, what each container's image does (the engine's image catalog, Engine.imagePreview), and whether any node
// could hold the pod's requests. The pod-count rules are the controllers' (pkg/controller/deployment,
// replicaset: spec.replicas, default 1; pkg/controller/job: parallelism, default 1, capped by completions).

import { bytes, milliCpu } from '../../gostd/quantity'
import type { ContainerForecast, PreviewContainer, PreviewDocument } from '../../contract'
import type { Engine, ImagePreview } from '../../engine'

type Obj = Record<string, unknown>

const asObject = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {})
const asArray = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(asObject) : [])
const asCount = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback)

/** The pod spec a document runs: a Pod's own, a workload's template's; undefined for other kinds. */
function podSpecOf(kind: string, object: Obj): Obj | undefined {
  if (kind === 'Pod') return asObject(object.spec)
  if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'Job') return asObject(asObject(asObject(object.spec).template).spec)
  return undefined
}

/**
 * A container's fate from its image and the pod's restartPolicy: a missing image never starts; a default
 * process that exits by itself is restarted under Always (then backs off: CrashLoopBackOff), and under
 * OnFailure when its code is not 0 (kubelet pkg/kubelet/kuberuntime/kuberuntime_manager.go ShouldContainerBeRestarted).
 */
export function forecastOf(image: ImagePreview, container: Obj, restartPolicy: string): ContainerForecast {
  if (image.verdict === 'invalid') return 'InvalidImageName'
  if (image.verdict === 'missing') return 'ImagePullBackOff'
  const ownCommand = (Array.isArray(container.command) && container.command.length > 0) || (Array.isArray(container.args) && container.args.length > 0)
  if (ownCommand) return 'RunsCommand'
  if (image.verdict === 'serves') return 'Running'
  const restarts = restartPolicy === 'Always' || (restartPolicy === 'OnFailure' && (image.exitCode ?? 0) !== 0)
  return restarts ? 'CrashLoopBackOff' : 'Completed'
}

/** The pod's requests (millicores, bytes): each container's requests, or its limits when it sets none (defaulting copies them). */
function podRequests(spec: Obj): { cpuMillis: number; memoryBytes: number } {
  let cpuMillis = 0
  let memoryBytes = 0
  for (const c of asArray(spec.containers)) {
    const resources = asObject(c.resources)
    const requests = { ...asObject(resources.limits), ...asObject(resources.requests) }
    cpuMillis += milliCpu(requests.cpu as string | number | undefined) || 0
    memoryBytes += bytes(requests.memory as string | number | undefined) || 0
  }
  return { cpuMillis, memoryBytes }
}

/** Set when no node's allocatable holds the requests (noderesources Fit, ignoring what already runs there). */
function unschedulable(engine: Engine, spec: Obj): PreviewDocument['unschedulable'] {
  const wanted = podRequests(spec)
  if (wanted.cpuMillis === 0 && wanted.memoryBytes === 0) return undefined
  const nodes = engine.list('nodes').items.map((n) => asObject(asObject((n as Obj).status).allocatable))
  const fits = nodes.some((a) => wanted.cpuMillis <= milliCpu(a.cpu as string | undefined) && wanted.memoryBytes <= bytes(a.memory as string | undefined))
  return fits || nodes.length === 0 ? undefined : { ...wanted, nodes: nodes.length }
}

/** The preview of one accepted document; `line` is kubectl's (`deployment.apps/web created`). */
export function previewDocument(engine: Engine, document: number, line: string, object: Obj): PreviewDocument {
  const kind = typeof object.kind === 'string' ? object.kind : ''
  const name = typeof asObject(object.metadata).name === 'string' ? (asObject(object.metadata).name as string) : ''
  const spec = asObject(object.spec)
  const podSpec = podSpecOf(kind, object)
  const base: PreviewDocument = { document, line, kind, name, pods: 0, containers: [] }
  if (!podSpec) return base
  const restartPolicy = typeof podSpec.restartPolicy === 'string' ? podSpec.restartPolicy : 'Always'
  const containers: PreviewContainer[] = asArray(podSpec.containers).map((c) => {
    const image = engine.imagePreview(typeof c.image === 'string' ? c.image : '')
    return { name: typeof c.name === 'string' ? c.name : '', image, forecast: forecastOf(image, c, restartPolicy) }
  })
  const completions = kind === 'Job' ? asCount(spec.completions, 1) : undefined
  const pods = kind === 'Pod' ? 1 : kind === 'Job' ? Math.min(asCount(spec.parallelism, 1), completions!) : asCount(spec.replicas, 1)
  const fit = unschedulable(engine, podSpec)
  return { ...base, pods, restartPolicy, containers, ...(completions !== undefined ? { completions } : {}), ...(fit ? { unschedulable: fit } : {}) }
}
