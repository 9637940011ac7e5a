// ReplicaSets (apps/v1): discovery as the real API server advertises it (pkg/registry/apps/replicaset/storage/
// storage.go ShortNames `rs`, Categories `all`), the strategy, and the Table.

import type { ReplicaSet } from '../../api/apps/types'
import { replicaSetTable } from '../../printers/replicaset-table'
import { defineKind } from '../definition'
import { replicaSetStrategy } from './strategy'

export const replicasets = defineKind<ReplicaSet>({
  resource: 'replicasets',
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  namespaced: true,
  singular: 'replicaset',
  shortNames: ['rs'],
  categories: ['all'],
  schemaType: 'apps.v1.ReplicaSet',
  strategy: replicaSetStrategy,
  table: (objects, nowMs, resourceVersion, wide) => replicaSetTable(objects as ReplicaSet[], nowMs, resourceVersion, wide),
  userVerbs: new Set(['create', 'update', 'delete']),
})
