// Namespaces (core/v1, cluster-scoped): discovery (pkg/registry/core/namespace/storage/storage.go ShortNames)
// and the strategy (pkg/registry/core/namespace/strategy.go): the name label (SetDefaults_Namespace), the
// `kubernetes` finalizer and phase Active on create; spec.finalizers and status kept on update. Names are
// DNS-1123 labels. Users cannot create or delete namespaces in Podlab yet (deleting one needs the namespace
// controller); no Table of its own (NAME AGE).

import type { KubeObject } from '../../../kube'
import { validateObjectMeta } from '../../api/meta/objectmeta'
import { nameIsDNSLabel } from '../../api/meta/names'
import { validateObjectMetaUpdate } from '../../api/pods/validation/update'
import { defineKind } from '../definition'

interface Namespace extends KubeObject {
  spec?: { finalizers?: string[] }
  status?: { phase?: string }
}

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
      ns.spec = { ...ns.spec, finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'] }
      ns.status = { phase: 'Active' }
    },
    prepareForUpdate: (ns, old) => {
      ns.spec = { ...ns.spec, finalizers: old.spec?.finalizers }
      ns.status = old.status
    },
    validate: (ns) => validateObjectMeta(ns.metadata, { namespaced: false, nameFn: nameIsDNSLabel }),
    validateUpdate: (ns, old) => validateObjectMetaUpdate(ns.metadata, old.metadata),
  },
  userVerbs: new Set(),
})
