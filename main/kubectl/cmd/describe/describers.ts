// describe.go describerMap and GenericDescriberFor (v0.32.5): the describer of a mapping's group and kind,
// the generic one for the kinds kubectl has none for (Event, Lease...).

import type { ResourceRef } from '../../../engine'
import { describeConfigMapByName, describeSecretByName } from './configmap'
import { describeDeploymentByName } from './deployment'
import type { Describer } from './describer'
import { describeGeneric } from './generic'
import { describeJobByName } from './job'
import { describeNamespaceByName } from './namespace'
import { describeNodeByName } from './node'
import { describePodByName } from './pod'
import { describeReplicaSetByName } from './replicaset'

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePodByName,
  '/Node': describeNodeByName,
  '/Namespace': describeNamespaceByName,
  '/ConfigMap': describeConfigMapByName,
  '/Secret': describeSecretByName,
  'apps/Deployment': describeDeploymentByName,
  'apps/ReplicaSet': describeReplicaSetByName,
  'batch/Job': describeJobByName,
}

export function describerFor(ref: ResourceRef): Describer {
  return DESCRIBERS[`${ref.group}/${ref.kind}`] ?? describeGeneric(ref)
}
