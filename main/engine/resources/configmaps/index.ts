// ConfigMaps (core/v1): discovery (pkg/registry/core/configmap/storage/storage.go ShortNames `cm`), the
// strategy (pkg/registry/core/configmap/strategy.go: no defaults, no status, validation only; deleted at once)
// and the Table (NAME DATA AGE).

import type { ConfigMap } from '../../api/config/types'
import { validateConfigMap, validateConfigMapUpdate } from '../../api/config/validation'
import { configMapTable } from '../../printers/config-tables'
import { defineKind } from '../definition'

export const configmaps = defineKind<ConfigMap>({
  resource: 'configmaps',
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  namespaced: true,
  singular: 'configmap',
  shortNames: ['cm'],
  categories: [],
  schemaType: 'core.v1.ConfigMap',
  strategy: { validate: validateConfigMap, validateUpdate: validateConfigMapUpdate },
  table: (objects, nowMs, resourceVersion, wide) => configMapTable(objects as ConfigMap[], nowMs, resourceVersion, wide),
  userVerbs: new Set(['create', 'update', 'delete']),
})
