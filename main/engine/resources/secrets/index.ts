// Secrets (core/v1): discovery (pkg/registry/core/secret/storage/storage.go: no short names), the strategy
// (pkg/registry/core/secret/strategy.go: validation only, no status; deleted at once), the decoder's defaults
// (type Opaque, stringData merged into data) and the Table (NAME TYPE DATA AGE).

import type { Secret } from '../../api/config/types'
import { defaultSecret } from '../../api/config/secret-defaults'
import { validateSecret, validateSecretUpdate } from '../../api/config/validation'
import { secretTable } from '../../printers/config-tables'
import { defineKind } from '../definition'

export const secrets = defineKind<Secret>({
  resource: 'secrets',
  group: '',
  version: 'v1',
  kind: 'Secret',
  namespaced: true,
  singular: 'secret',
  shortNames: [],
  categories: [],
  schemaType: 'core.v1.Secret',
  strategy: { defaults: defaultSecret, validate: validateSecret, validateUpdate: validateSecretUpdate },
  table: (objects, nowMs, resourceVersion, wide) => secretTable(objects as Secret[], nowMs, resourceVersion, wide),
  userVerbs: new Set(['create', 'update', 'delete']),
})
