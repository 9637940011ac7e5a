// describe.go DeploymentDescriber / describeDeployment (v0.32.5), with kubectl pkg/util/deployment's
// GetAllReplicaSetsInChunks: the ReplicaSets it controls, the oldest whose template equals its own (the
// pod-template-hash label aside) being the new one.

import type { KubeObject } from '../../../kube'
import type { LabelSelector } from '../../../engine'
import type { DescribeContext } from './describer'
import { describeEvents, type CoreEvent } from './events'
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format'
import { describePodTemplate } from './pod-template'
import { LEVEL_0, tabbedString } from './prefix-writer'
import { describeConditions, eventsFor, type ReplicaSet } from './replicaset'
import { selectorString } from './selectors'
import type { PodTemplateSpec } from './types'

export interface Deployment extends KubeObject {
  spec: {
    replicas?: number
    selector?: LabelSelector
    template?: PodTemplateSpec
    minReadySeconds?: number
    strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } }
  }
  status?: {
    replicas?: number
    updatedReplicas?: number
    availableReplicas?: number
    unavailableReplicas?: number
    conditions?: Array<{ type: string; status: string; reason?: string }>
  }
}

/**
 * JSON with sorted keys, nulls left out: Go's DeepEqual of two decoded templates, where a null
 * (`creationTimestamp: null` in a ReplicaSet's template) decodes to the zero value an absent field has.
 */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== null)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v)
}

function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const copy = structuredClone(t ?? { spec: { containers: [] } }) as PodTemplateSpec
    if (copy.metadata?.labels) {
      delete copy.metadata.labels['pod-template-hash']
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels
    }
    return canonical(copy)
  }
  return strip(a) === strip(b)
}

/** DeploymentDescriber.Describe. Throws the GET's ApiError, or the selector's conversion error. */
export function describeDeploymentByName(ctx: DescribeContext, namespace: string, name: string): string {
  const d = ctx.engine.get('deployments', namespace, name, 'apps') as Deployment
  const selector = selectorString(d.spec.selector)
  if (!selector.ok) throw new Error(selector.error)
  const events = eventsFor(ctx, d)
  let oldRSs: ReplicaSet[] = []
  let newRSs: ReplicaSet[] = []
  try {
    const all = ctx.engine.list('replicasets', namespace, selector.text ? { labelSelector: selector.text } : undefined, 'apps').items as ReplicaSet[]
    const owned = all.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller === true && o.uid === d.metadata.uid))
    // replicaSetsByCreationTimestamp: by creation time, names breaking ties.
    owned.sort((a, b) => {
      const ta = Date.parse(a.metadata.creationTimestamp ?? '')
      const tb = Date.parse(b.metadata.creationTimestamp ?? '')
      if (ta !== tb) return ta - tb
      return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1
    })
    const newRS = owned.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template))
    oldRSs = owned.filter((rs) => rs !== newRS)
    newRSs = newRS ? [newRS] : []
  } catch {
    // GetAllReplicaSetsInChunks failing leaves both lines out, as kubectl does.
  }
  return describeDeployment(d, oldRSs, newRSs, events, ctx.nowMs)
}

const replicaSetsLine = (rss: ReplicaSet[]): string => rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ') || '<none>'

export function describeDeployment(d: Deployment, oldRSs: ReplicaSet[], newRSs: ReplicaSet[], events: CoreEvent[] | undefined, nowMs: number): string {
  const selector = selectorString(d.spec.selector)
  return tabbedString((w) => {
    const s = d.status ?? {}
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`)
    printLabelsMultiline(w, 'Labels', d.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations)
    w.write(LEVEL_0, `Selector:\t${selector.ok ? selector.text : ''}\n`)
    w.write(LEVEL_0, `Replicas:\t${d.spec.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`)
    w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`)
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`)
    const ru = d.spec.strategy?.rollingUpdate
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '')} max unavailable, ${String(ru.maxSurge ?? '')} max surge\n`)
    describePodTemplate(d.spec.template, w)
    describeConditions(s.conditions, w)
    if (oldRSs.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsLine(oldRSs)}\n`)
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsLine(newRSs)}\n`)
    }
    if (events) describeEvents(events, w, nowMs)
  })
}
