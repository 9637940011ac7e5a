// The ReplicaSet strategy (kubernetes v1.32 pkg/registry/apps/replicaset/strategy.go): defaults, a new set's
// empty status and generation 1, the generation bumped on every spec change, create/update validation (the
// selector immutable in apps/v1) and the status subresource.

import { semanticEqual } from '../../api/semantic-equal'
import {
  applyReplicaSetDefaults,
  validateReplicaSet,
  validateReplicaSetStatusUpdate,
  validateReplicaSetUpdate,
} from '../../api/apps/replicaset'
import type { ReplicaSet } from '../../api/apps/types'
import type { Strategy } from '../definition'

export const replicaSetStrategy: Strategy<ReplicaSet> = {
  defaults: applyReplicaSetDefaults,
  // PrepareForCreate: the status is the controller's; the spec starts at generation 1.
  prepareForCreate: (rs) => {
    rs.status = { replicas: 0 }
    rs.metadata.generation = 1
  },
  // PrepareForUpdate: the status belongs to the status subresource; a changed spec is a new generation.
  prepareForUpdate: (rs, old) => {
    rs.status = old.status
    rs.metadata.generation = (old.metadata.generation ?? 0) + (semanticEqual(rs.spec, old.spec) ? 0 : 1)
  },
  validate: validateReplicaSet,
  validateUpdate: validateReplicaSetUpdate,
  status: {
    prepareForUpdate: (rs, old) => {
      rs.spec = old.spec
    },
    validateUpdate: validateReplicaSetStatusUpdate,
  },
}
