// `kubectl get deployments` as the API server builds it: deploymentColumnDefinitions and printDeployment from
// kubernetes v1.32 pkg/printers/internalversion/printers.go (layoutContainerCells for the wide columns). Column
// descriptions from k8s.io/api v0.32.0 extensions/v1beta1 types_swagger_doc_generated.go.

import type { Table } from '../../../kube'
import { timestampSince } from '../../../gostd/human-duration'
import type { Deployment } from '../../api/apps/types'
import { selectorFromLabelSelector } from '../../labels'
import { DOCS } from '../../printers/swagger-docs'
import { column, makeTable, type Cell } from '../../printers/table'

const DEPLOYMENT_COLUMNS = [
  column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
  column('Ready', 'string', 'Number of the pod with ready state'),
  column('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
  column('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
  column('Age', 'string', DOCS.objectMetaCreationTimestamp),
  column('Containers', 'string', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 }),
  column('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', { priority: 1 }),
]

export function deploymentTable(deployments: Deployment[], nowMs: number, resourceVersion: string, wide = true): Table {
  return makeTable(DEPLOYMENT_COLUMNS, deployments.map((d) => ({ object: d, cells: deploymentCells(d, nowMs) })), resourceVersion, wide)
}

/** printDeployment: NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR. */
function deploymentCells(d: Deployment, nowMs: number): Cell[] {
  const status = d.status ?? {}
  const containers = d.spec.template?.spec?.containers ?? []
  return [
    d.metadata.name ?? '',
    `${status.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
    status.updatedReplicas ?? 0,
    status.availableReplicas ?? 0,
    timestampSince(d.metadata.creationTimestamp, nowMs),
    containers.map((c) => c.name).join(','),
    containers.map((c) => c.image ?? '').join(','),
    selectorFromLabelSelector(d.spec.selector).toString(),
  ]
}
