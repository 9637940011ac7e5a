// Emptying a terminating namespace (pkg/controller/namespace/deletion/namespaced_resources_deleter.go
// deleteAllContent, deleteAllContentForGroupVersionResource, estimateGracefulTerminationForPods): every
// namespaced kind served is deleted with propagationPolicy Background, then listed again. What is left is
// waited for: pods for their longest grace period, objects with finalizers 15 s; anything else left is an error.

import type { KubeObject } from '../../../kube'
import { isApiError } from '../../api/errors'
import type { Pod } from '../../api/pods/types'
import type { Client } from '../../client/client'
import type { SharedInformerFactory } from '../../client/informers'
import { REGISTRY } from '../../resources/registry'
import type { ContentReport } from './conditions'

/** finalizerEstimateSeconds: how long objects with finalizers are assumed to need. */
const FINALIZER_ESTIMATE_SECONDS = 15

/** The longest terminationGracePeriodSeconds of the namespace's pods that have not ended (seconds). */
function podsEstimate(pods: readonly KubeObject[]): number {
  let estimate = 0
  for (const pod of pods as Pod[]) {
    const phase = pod.status?.phase
    if (phase === 'Succeeded' || phase === 'Failed') continue
    const grace = pod.spec?.terminationGracePeriodSeconds
    if (typeof grace === 'number' && grace > estimate) estimate = grace
  }
  return estimate
}

/** Deletes what is in `namespace`; returns the estimate (seconds) until what is left is gone, and the report. */
export function deleteAllContent(client: Client, informers: SharedInformerFactory, namespace: string): { estimate: number; report: ContentReport } {
  const report: ContentReport = { remaining: new Map(), finalizers: new Map(), errors: [] }
  let estimate = 0
  for (const d of REGISTRY) {
    if (!d.namespaced) continue
    const lister = informers.informer(d.resource).lister()
    const before = lister.list(namespace)
    if (before.length === 0) continue
    let kindEstimate = d.resource === 'pods' ? podsEstimate(before) : 0
    try {
      for (const o of before) {
        try {
          client.delete(d.resource, namespace, o.metadata.name ?? '', { propagationPolicy: 'Background' })
        } catch (e) {
          if (!isApiError(e) || e.reason !== 'NotFound') throw e
        }
      }
    } catch (e) {
      if (!isApiError(e)) throw e
      report.errors.push(e.message)
      estimate = Math.max(estimate, kindEstimate)
      continue
    }
    const left = lister.list(namespace)
    if (left.length === 0) continue
    const finalizers = new Map<string, number>()
    for (const o of left) for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1)
    if (kindEstimate === 0 && finalizers.size > 0) kindEstimate = FINALIZER_ESTIMATE_SECONDS
    if (kindEstimate === 0) {
      report.errors.push(`unexpected items still remain in namespace: ${namespace} for gvr: ${d.group}/${d.version}, Resource=${d.resource}`)
      continue
    }
    estimate = Math.max(estimate, kindEstimate)
    report.remaining.set(`${d.resource}.${d.group}`, left.length)
    for (const [f, n] of finalizers) report.finalizers.set(f, (report.finalizers.get(f) ?? 0) + n)
  }
  return { estimate, report }
}
