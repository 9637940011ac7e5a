// The Deployment strategy (kubernetes v1.32 pkg/registry/apps/deployment/strategy.go): a new Deployment starts
// at generation 1 with an empty status; an update keeps the status and bumps the generation when the spec or
// the annotations change (annotations are copied to the ReplicaSets); the status subresource keeps the spec
// and the labels but takes the annotations (the controller's revision annotation comes that way).

import type { Deployment } from '../../api/apps/types'
import { applyDeploymentDefaults } from '../../api/apps/deployment/defaults'
import { validateDeployment, validateDeploymentStatusUpdate, validateDeploymentUpdate } from '../../api/apps/deployment/validation'
import type { Strategy } from '../definition'
import { semanticEqual } from '../../api/semantic-equal'

export const deploymentStrategy: Strategy<Deployment> = {
  defaults: applyDeploymentDefaults,
  prepareForCreate: (d) => {
    d.status = {}
    d.metadata.generation = 1
  },
  prepareForUpdate: (d, old) => {
    d.status = old.status
    if (!semanticEqual(d.spec, old.spec) || !semanticEqual(d.metadata.annotations, old.metadata.annotations)) {
      d.metadata.generation = (old.metadata.generation ?? 0) + 1
    }
  },
  validate: validateDeployment,
  validateUpdate: validateDeploymentUpdate,
  status: {
    prepareForUpdate: (d, old) => {
      d.spec = old.spec
    },
    validateUpdate: validateDeploymentStatusUpdate,
    keepsAnnotations: true,
  },
}
