// describe.go ReplicaSetDescriber / describeReplicaSet (v0.32.5): `kubectl describe rs`.

import type { KubeObject } from '../../../kube'
import { isApiError, type LabelSelector } from '../../../engine'
import { podStatusForController, type PodCounts } from './controller-pods'
import type { DescribeContext } from './describer'
import { describeEvents, searchEvents, type CoreEvent } from './events'
import { printAnnotationsMultiline, printController, printLabelsMultiline } from './format'
import { describePodTemplate } from './pod-template'
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer'
import { formatLabelSelector, selectorString } from './selectors'
import type { PodTemplateSpec } from './types'

export interface ReplicaSet extends KubeObject {
  spec: { replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec }
  status?: { replicas?: number; conditions?: Array<{ type: string; status: string; reason?: string }> }
}

/** Events of a typed object: its reference names its kind (reference.GetReference). Failures leave them out. */
export function eventsFor(ctx: DescribeContext, o: KubeObject): CoreEvent[] | undefined {
  if (!ctx.settings.showEvents) return undefined
  try {
    return searchEvents(ctx.engine, { kind: o.kind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? '', uid: o.metadata.uid })
  } catch {
    return []
  }
}

export function describeReplicaSetByName(ctx: DescribeContext, namespace: string, name: string): string {
  const rs = ctx.engine.get('replicasets', namespace, name, 'apps') as ReplicaSet
  const selector = selectorString(rs.spec.selector)
  if (!selector.ok) throw new Error(selector.error)
  let counts: PodCounts | { error: string }
  try {
    counts = podStatusForController(ctx.engine, namespace, selector.text, rs.metadata.uid)
  } catch (e) {
    counts = { error: isApiError(e) || e instanceof Error ? e.message : String(e) }
  }
  return describeReplicaSet(rs, eventsFor(ctx, rs), counts, ctx.nowMs)
}

export function describeReplicaSet(rs: ReplicaSet, events: CoreEvent[] | undefined, counts: PodCounts | { error: string }, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`)
    printLabelsMultiline(w, 'Labels', rs.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations)
    const controlledBy = printController(rs.metadata.ownerReferences)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 0} desired\n`)
    w.write(LEVEL_0, 'Pods Status:\t')
    if ('error' in counts) w.write(LEVEL_0, `error in fetching pods: ${counts.error}\n`)
    else w.write(LEVEL_0, `${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`)
    describePodTemplate(rs.spec.template, w)
    describeConditions(rs.status?.conditions, w)
    if (events) describeEvents(events, w, nowMs)
  })
}

/** The workload describers' `Conditions:` table (Type, Status, Reason). */
export function describeConditions(conditions: Array<{ type: string; status: string; reason?: string }> | undefined, w: import('./prefix-writer').PrefixWriter): void {
  if (!conditions || conditions.length === 0) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}
