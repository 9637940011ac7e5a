// `kubectl get jobs` as the API server builds it: jobColumnDefinitions and printJob from kubernetes v1.32
// pkg/printers/internalversion/printers.go.

import type { Table } from '../../../kube'
import { humanDuration, timestampSince } from '../../../gostd/human-duration'
import type { Job, JobCondition } from '../../api/batch/types'
import { DOCS } from '../../printers/swagger-docs'
import { column, makeTable, type Cell } from '../../printers/table'
import { formatLabelSelector, layoutContainerCells } from '../../printers/workload-cells'

export const JOB_COLUMNS = [
  column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
  column('Status', 'string', 'Status of the job.'),
  column('Completions', 'string', 'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.'),
  column('Duration', 'string', 'Time required to complete the job.'),
  column('Age', 'string', DOCS.objectMetaCreationTimestamp),
  column('Containers', 'string', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 }),
  column(
    'Selector',
    'string',
    'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
    { priority: 1 },
  ),
]

/** The server's Table for a job list at virtual time `nowMs` (ms). `wide` false drops the priority-1 columns. */
export function jobTable(jobs: Job[], nowMs: number, resourceVersion: string, wide = true): Table {
  return makeTable(JOB_COLUMNS, jobs.map((job) => ({ object: job, cells: jobCells(job, nowMs) })), resourceVersion, wide)
}

/** hasJobCondition: a condition of `type` with status True. */
const hasCondition = (conditions: JobCondition[] | undefined, type: string) => (conditions ?? []).some((c) => c.type === type && c.status === 'True')

/** printJob's cells, the wide ones included. */
export function jobCells(job: Job, nowMs: number): Cell[] {
  const spec = job.spec
  const status = job.status ?? {}
  const succeeded = status.succeeded ?? 0
  let completions: string
  if (spec.completions != null) completions = `${succeeded}/${spec.completions}`
  else completions = (spec.parallelism ?? 0) > 1 ? `${succeeded}/1 of ${spec.parallelism}` : `${succeeded}/1`

  let duration = ''
  if (status.startTime) {
    const start = Date.parse(status.startTime)
    duration = humanDuration((status.completionTime ? Date.parse(status.completionTime) : nowMs) - start)
  }

  const conditions = status.conditions
  let phase = 'Running'
  if (hasCondition(conditions, 'Complete')) phase = 'Complete'
  else if (hasCondition(conditions, 'Failed')) phase = 'Failed'
  else if (job.metadata.deletionTimestamp) phase = 'Terminating'
  else if (hasCondition(conditions, 'Suspended')) phase = 'Suspended'
  else if (hasCondition(conditions, 'FailureTarget')) phase = 'FailureTarget'

  const [names, images] = layoutContainerCells(spec.template?.spec?.containers ?? [])
  return [job.metadata.name ?? '', phase, completions, duration, timestampSince(job.metadata.creationTimestamp, nowMs), names, images, formatLabelSelector(spec.selector)]
}
