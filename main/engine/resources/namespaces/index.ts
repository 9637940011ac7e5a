// Namespaces (core/v1, cluster-scoped): discovery (pkg/registry/core/namespace/storage/storage.go ShortNames)
// and the strategy (pkg/registry/core/namespace/strategy.go): the name label (SetDefaults_Namespace), the
// `kubernetes` finalizer and phase Active on create; spec.finalizers and status kept on update; the status
// subresource keeps the spec; the namespace's own delete (./delete.ts) and the finalize subresource
// (./finalize.ts). Names are DNS-1123 labels. Table: NAME STATUS AGE.

import { defineKind, type TableBuilder } from '../definition'
import { deleteNamespace } from './delete'
import { namespaceTable } from './table'
import { KUBERNETES_FINALIZER, type Namespace } from './types'
import { validateNamespace, validateNamespaceStatusUpdate, validateNamespaceUpdate } from './validation'

export type { Namespace, NamespaceCondition, NamespacePhase } from './types'

const NAME_LABEL = 'kubernetes.io/metadata.name'

export const namespaces = defineKind<Namespace>({
  resource: 'namespaces',
  group: '',
  version: 'v1',
  kind: 'Namespace',
  namespaced: false,
  singular: 'namespace',
  shortNames: ['ns'],
  categories: [],
  schemaType: 'core.v1.Namespace',
  strategy: {
    defaults: (ns) => {
      if (ns.metadata.name) ns.metadata.labels = { ...ns.metadata.labels, [NAME_LABEL]: ns.metadata.name }
    },
    prepareForCreate: (ns) => {
      const finalizers = ns.spec?.finalizers ?? []
      ns.spec = { ...ns.spec, finalizers: finalizers.includes(KUBERNETES_FINALIZER) ? finalizers : [...finalizers, KUBERNETES_FINALIZER] }
      ns.status = { phase: 'Active' }
    },
    prepareForUpdate: (ns, old) => {
      ns.spec = { ...ns.spec, finalizers: old.spec?.finalizers }
      ns.status = old.status
    },
    validate: validateNamespace,
    validateUpdate: validateNamespaceUpdate,
    status: {
      prepareForUpdate: (ns, old) => {
        ns.spec = old.spec
      },
      validateUpdate: validateNamespaceStatusUpdate,
    },
    delete: deleteNamespace,
    shouldDeleteDuringUpdate: (ns) => (ns.spec?.finalizers ?? []).length === 0,
  },
  table: namespaceTable as TableBuilder,
  userVerbs: new Set(['create', 'update', 'delete']),
})
