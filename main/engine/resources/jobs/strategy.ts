// The Job strategy (kubernetes v1.32 pkg/registry/batch/job/strategy.go): SetDefaults_Job, a new Job's empty
// status and generation 1, the generated selector and labels, validation, the generation bump on a spec change,
// and the status subresource.

import { applyJobDefaults } from '../../api/batch/defaults'
import { generateSelector } from '../../api/batch/selector'
import type { Job } from '../../api/batch/types'
import { validateJob, validateJobStatusUpdate, validateJobUpdate } from '../../api/batch/validation'
import { semanticEqual } from '../../api/semantic-equal'
import type { Strategy } from '../definition'

export const jobStrategy: Strategy<Job> = {
  defaults: applyJobDefaults,
  prepareForCreate: (job) => {
    job.status = {}
    job.metadata.generation = 1
  },
  prepareForUpdate: (job, old) => {
    job.status = old.status
    if (!semanticEqual(job.spec, old.spec)) {
      job.metadata.generation = (old.metadata.generation ?? 0) + 1
    }
  },
  // Upstream's PrepareForCreate generates the selector; Podlab's API server assigns the uid after
  // PrepareForCreate, so the selector (which is the uid) is made here, just before it is validated, where
  // upstream made it before 1.22.
  validate: (job) => {
    if (job.spec?.manualSelector !== true) generateSelector(job)
    return validateJob(job)
  },
  validateUpdate: validateJobUpdate,
  status: {
    prepareForUpdate: (job, old) => {
      job.spec = old.spec
    },
    validateUpdate: validateJobStatusUpdate,
  },
}
