// Jobs (batch/v1): discovery as the real API server advertises it (pkg/registry/batch/job/storage/storage.go:
// no short names, category `all`), the strategy and the Table.

import type { Job } from '../../api/batch/types'
import { defineKind } from '../definition'
import { jobStrategy } from './strategy'
import { jobTable } from './table'

export const jobs = defineKind<Job>({
  resource: 'jobs',
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  namespaced: true,
  singular: 'job',
  shortNames: [],
  categories: ['all'],
  schemaType: 'batch.v1.Job',
  strategy: jobStrategy,
  table: (objects, nowMs, resourceVersion, wide) => jobTable(objects as Job[], nowMs, resourceVersion, wide),
  userVerbs: new Set(['create', 'update', 'delete']),
  // jobStrategy.DefaultGarbageCollectionPolicy: OrphanDependents through batch/v1, "for back compatibility"
  // (kubectl always sends Background, so `kubectl delete job` still takes the pods).
  defaultGarbageCollectionPolicy: 'Orphan',
})
