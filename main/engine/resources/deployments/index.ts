// Deployments (apps/v1): discovery as the real API server advertises it (pkg/registry/apps/deployment/storage/
// storage.go ShortNames `deploy`, Categories `all`), the strategy, and the Table.

import type { Deployment } from '../../api/apps/types'
import { defineKind } from '../definition'
import { deploymentStrategy } from './strategy'
import { deploymentTable } from './table'

export const deployments = defineKind<Deployment>({
  resource: 'deployments',
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  namespaced: true,
  singular: 'deployment',
  shortNames: ['deploy'],
  categories: ['all'],
  schemaType: 'apps.v1.Deployment',
  strategy: deploymentStrategy,
  table: (objects, nowMs, resourceVersion, wide) => deploymentTable(objects as Deployment[], nowMs, resourceVersion, wide),
  userVerbs: new Set(['create', 'update', 'delete']),
})
