// `kubectl get replicasets` as the API server builds it: replicaSetColumnDefinitions and printReplicaSet (with
// layoutContainerCells and metav1.FormatLabelSelector) from kubernetes pkg/printers/internalversion/printers.go,
// 1.32 tree. The descriptions are extensions/v1beta1's SwaggerDoc() strings, as that file takes them.

import type { Table } from '../../kube'
import type { LabelSelector, PodTemplateSpec, ReplicaSet } from '../api/apps/types'
import { timestampSince } from '../../gostd/human-duration'
import { selectorFromLabelSelector } from '../labels'
import { DOCS } from './swagger-docs'
import { column, makeTable, type Cell } from './table'

/** extensions/v1beta1 ReplicaSetSpec / ReplicaSetStatus SwaggerDoc() (k8s.io/api v0.32.0), verbatim. */
const RS_DOCS = {
  specReplicas: 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller',
  specSelector: 'Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
  statusReplicas: 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller',
  statusReadyReplicas: 'The number of ready replicas for this replica set.',
} as const

/** The template columns Deployments, ReplicaSets, Jobs ... share (printers.go's own descriptions). */
export const TEMPLATE_COLUMNS = [
  column('Containers', 'string', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 }),
]

export const REPLICASET_COLUMNS = [
  column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
  column('Desired', 'integer', RS_DOCS.specReplicas),
  column('Current', 'integer', RS_DOCS.statusReplicas),
  column('Ready', 'integer', RS_DOCS.statusReadyReplicas),
  column('Age', 'string', DOCS.objectMetaCreationTimestamp),
  ...TEMPLATE_COLUMNS,
  column('Selector', 'string', RS_DOCS.specSelector, { priority: 1 }),
]

export function replicaSetTable(sets: ReplicaSet[], nowMs: number, resourceVersion: string, wide = true): Table {
  return makeTable(REPLICASET_COLUMNS, sets.map((rs) => ({ object: rs, cells: replicaSetCells(rs, nowMs) })), resourceVersion, wide)
}

export function replicaSetCells(rs: ReplicaSet, nowMs: number): Cell[] {
  return [
    rs.metadata.name ?? '',
    rs.spec?.replicas ?? 0,
    rs.status?.replicas ?? 0,
    rs.status?.readyReplicas ?? 0,
    timestampSince(rs.metadata.creationTimestamp, nowMs),
    ...layoutContainerCells(rs.spec?.template),
    formatLabelSelector(rs.spec?.selector),
  ]
}

/** layoutContainerCells: the template's container names and images, each joined with commas. */
export function layoutContainerCells(template: PodTemplateSpec | undefined): [names: string, images: string] {
  const containers = template?.spec?.containers ?? []
  return [containers.map((c) => c.name ?? '').join(','), containers.map((c) => c.image ?? '').join(',')]
}

/** metav1.FormatLabelSelector: the selector as a string, `<none>` when it selects everything or nothing, `<error>` when invalid. */
export function formatLabelSelector(ls: LabelSelector | undefined): string {
  try {
    return selectorFromLabelSelector(ls).toString() || '<none>'
  } catch {
    return '<error>'
  }
}
