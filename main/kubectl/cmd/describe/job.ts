// describe.go JobDescriber / describeJob (v0.32.5): `kubectl describe job`.

import type { KubeObject } from '../../../kube'
import type { LabelSelector } from '../../../engine'
import { humanDuration } from '../../../gostd/human-duration'
import type { DescribeContext } from './describer'
import { describeEvents, type CoreEvent } from './events'
import { printAnnotationsMultiline, printController, printLabelsMultiline, rfc1123z } from './format'
import { describePodTemplate } from './pod-template'
import { LEVEL_0, tabbedString } from './prefix-writer'
import { eventsFor } from './replicaset'
import { selectorString } from './selectors'
import type { PodTemplateSpec } from './types'

export interface Job extends KubeObject {
  spec: {
    selector?: LabelSelector
    parallelism?: number
    completions?: number
    completionMode?: string
    suspend?: boolean
    backoffLimit?: number
    ttlSecondsAfterFinished?: number
    activeDeadlineSeconds?: number
    template?: PodTemplateSpec
  }
  status?: { startTime?: string; completionTime?: string; active?: number; ready?: number; succeeded?: number; failed?: number; completedIndexes?: string }
}

export function describeJobByName(ctx: DescribeContext, namespace: string, name: string): string {
  const job = ctx.engine.get('jobs', namespace, name, 'batch') as Job
  return describeJob(job, eventsFor(ctx, job), ctx.nowMs)
}

/** capIndexesListOrNone: the completed indexes, cut after the first comma past `softLimit` characters. */
function capIndexesListOrNone(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>'
  let ix = softLimit
  while (ix < indexes.length && indexes[ix] !== ',') ix++
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`
}

const isSet = (v: unknown): boolean => v !== undefined && v !== null

export function describeJob(job: Job, events: CoreEvent[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = job.spec
    const s = job.status ?? {}
    w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`)
    const selector = selectorString(spec.selector)
    w.write(LEVEL_0, selector.ok ? `Selector:\t${selector.text}\n` : `Selector:\tFailed to get selector: ${selector.error}\n`)
    printLabelsMultiline(w, 'Labels', job.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations)
    const controlledBy = printController(job.metadata.ownerReferences)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    if (isSet(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`)
    w.write(LEVEL_0, isSet(spec.completions) ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n')
    if (isSet(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`)
    if (isSet(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`)
    if (isSet(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`)
    if (isSet(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
    if (s.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(s.startTime)}\n`)
    if (s.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(s.completionTime)}\n`)
    if (s.startTime && s.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(s.completionTime) - Date.parse(s.startTime))}\n`)
    if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
    if (!isSet(s.ready)) w.write(LEVEL_0, `Pods Statuses:\t${s.active ?? 0} Active / ${s.succeeded ?? 0} Succeeded / ${s.failed ?? 0} Failed\n`)
    else w.write(LEVEL_0, `Pods Statuses:\t${s.active ?? 0} Active (${s.ready} Ready) / ${s.succeeded ?? 0} Succeeded / ${s.failed ?? 0} Failed\n`)
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(s.completedIndexes ?? '', 50)}\n`)
    describePodTemplate(spec.template, w)
    if (events) describeEvents(events, w, nowMs)
  })
}
