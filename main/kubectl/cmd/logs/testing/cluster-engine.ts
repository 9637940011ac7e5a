// For the podverbs goldens: the kubectl tests' fake Engine (testing/fake-engine.ts) serving what the golden
// recorder's fake-podverbs.mjs served the real kubectl from the same testdata/cluster.json: pods/log texts and
// Statuses, metrics.k8s.io PodMetrics and NodeMetrics, the DaemonSets drain looks up, pods/eviction (the pod goes at
// once). Every logs, eviction and patch call is kept in `calls`, in the shape the recorded requests are read into.

import type { KubeObject } from '../../../../kube'
import { ApiError, notFound, type StatusReason } from '../../../../engine/api/errors'
import type { LogsRequest } from '../../../../engine'
import { parseSelector } from '../../../../engine'
import { fakeEngine, type FakeEngine } from '../../../testing/fake-engine'

export interface ClusterFile {
  objects: KubeObject[]
  podMetrics: KubeObject[]
  nodeMetrics: KubeObject[]
  logs: Record<string, string>
  logErrors: Record<string, { code: number; reason: string; message: string }>
}

/** One request that changes or reads beyond objects, as recorded (see goldens.test.ts requestCall). */
export type Call =
  | { call: 'logs'; namespace: string; pod: string; container?: string; options: Record<string, unknown> }
  | { call: 'evict'; namespace: string; pod: string; gracePeriodSeconds?: number }
  | { call: 'patch'; name: string; patchType: string; body: unknown }

export interface ClusterEngine extends FakeEngine {
  calls: Call[]
}

/** The options a logs request carries, as pods/log's query names them (the values kubectl would send). */
function logOptions(r: LogsRequest, follow: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  if (follow) o.follow = true
  if (r.previous) o.previous = true
  if (r.timestamps) o.timestamps = true
  if (r.tailLines !== undefined) o.tailLines = r.tailLines
  if (r.sinceSeconds !== undefined) o.sinceSeconds = r.sinceSeconds
  if (r.limitBytes !== undefined) o.limitBytes = r.limitBytes
  return o
}

export function clusterEngine(cluster: ClusterFile, objects: KubeObject[]): ClusterEngine {
  const base = fakeEngine({ objects })
  const calls: Call[] = []
  const logText = (r: LogsRequest): string => {
    const key = `${r.namespace}/${r.pod}/${r.container ?? ''}${r.previous ? '/previous' : ''}`
    const failure = cluster.logErrors[key]
    if (failure) throw new ApiError(failure.reason as StatusReason, failure.message)
    return cluster.logs[key] ?? ''
  }
  const metrics = (resource: string) => (resource === 'pods' ? cluster.podMetrics : cluster.nodeMetrics)
  const engine: ClusterEngine = Object.assign(base, {
    calls,
    list: ((list) => (resource: string, namespace?: string, options?: { labelSelector?: string }, group?: string) => {
      if (group !== 'metrics.k8s.io') return list(resource, namespace, options, group)
      const selector = parseSelector(options?.labelSelector ?? '')
      const items = metrics(resource).filter((m) => (!namespace || m.metadata.namespace === namespace) && selector.matches(m.metadata.labels))
      return { items: structuredClone(items), resourceVersion: '105' }
    })(base.list),
    get: ((get) => (resource: string, namespace: string | undefined, name: string, group?: string) => {
      if (group === 'metrics.k8s.io') {
        const found = metrics(resource).find((m) => m.metadata.name === name && (!namespace || m.metadata.namespace === namespace))
        if (!found) throw new ApiError('NotFound', `${resource === 'pods' ? 'podmetrics' : 'nodemetrics'}.metrics.k8s.io "${name}" not found`)
        return structuredClone(found)
      }
      if (resource === 'daemonsets') {
        const found = objects.find((o) => o.kind === 'DaemonSet' && o.metadata.namespace === namespace && o.metadata.name === name)
        if (!found) throw notFound('daemonsets', name, 'apps')
        return structuredClone(found)
      }
      return get(resource, namespace, name, group)
    })(base.get),
    logs(r: LogsRequest) {
      calls.push({ call: 'logs', namespace: r.namespace, pod: r.pod, container: r.container, options: logOptions(r, false) })
      return logText(r)
    },
    followLogs(r: LogsRequest, listener: { text(chunk: string): void; end(): void }) {
      calls.push({ call: 'logs', namespace: r.namespace, pod: r.pod, container: r.container, options: logOptions(r, true) })
      // The recorded stream ended with its text (the fake server closes it), so the follow ends at once too.
      const text = logText(r)
      if (text !== '') listener.text(text)
      listener.end()
      return () => {}
    },
    evict(namespace: string, name: string, options: { gracePeriodSeconds?: number } = {}) {
      calls.push({ call: 'evict', namespace, pod: name, ...(options.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}) })
      return base.delete('pods', namespace, name, { gracePeriodSeconds: 0 })
    },
    patch: ((patch) => (...args: Parameters<FakeEngine['patch']>) => {
      calls.push({ call: 'patch', name: args[2], patchType: args[3], body: args[4] })
      return patch(...args)
    })(base.patch),
  })
  return engine
}
