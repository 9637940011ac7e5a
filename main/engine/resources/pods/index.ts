// Pods (core/v1): discovery as the real API server advertises it (pkg/registry/core/pod/storage/storage.go
// ShortNames/Categories), the strategy, and the Table.

import type { Pod } from '../../api/pods/types'
import { podTable } from '../../printers/pod-table'
import { defineKind } from '../definition'
import { podStrategy } from './strategy'

export const pods = defineKind<Pod>({
  resource: 'pods',
  group: '',
  version: 'v1',
  kind: 'Pod',
  namespaced: true,
  singular: 'pod',
  shortNames: ['po'],
  categories: ['all'],
  schemaType: 'core.v1.Pod',
  strategy: podStrategy,
  table: (objects, nowMs, resourceVersion, wide) => podTable(objects as Pod[], nowMs, resourceVersion, wide),
  userVerbs: new Set(['create', 'update', 'delete']),
})
