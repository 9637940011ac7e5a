// generateSelector (kubernetes v1.32 pkg/registry/batch/job/strategy.go): a Job without manualSelector gets a
// selector on its uid and its template the four job labels, so its pods match it and no other controller.

import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from './labels'
import type { Job } from './types'

/**
 * Adds the job-name and controller-uid labels (legacy and prefixed) the template lacks, and
 * `batch.kubernetes.io/controller-uid` to the selector's matchLabels. Labels a user already set stay (validation
 * refuses conflicting ones). The Job itself gets the template's labels when it has none, as reading it back from
 * etcd does upstream (SetDefaults_Job runs on every decode).
 */
export function generateSelector(job: Job): void {
  const name = job.metadata.name ?? ''
  const uid = job.metadata.uid ?? ''
  const template = (job.spec.template ??= { spec: { containers: [] } })
  const labels = { ...template.metadata?.labels }
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(key in labels)) labels[key] = name
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(key in labels)) labels[key] = uid
  template.metadata = { ...template.metadata, labels }
  const selector = (job.spec.selector ??= {})
  selector.matchLabels = { ...selector.matchLabels }
  if (!(CONTROLLER_UID_LABEL in selector.matchLabels)) selector.matchLabels[CONTROLLER_UID_LABEL] = uid
  if (Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels }
}
