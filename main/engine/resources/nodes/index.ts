// Nodes (core/v1, cluster-scoped): discovery (pkg/registry/core/node/storage/storage.go ShortNames), the
// strategy (pkg/registry/core/node/strategy.go: the kubelet registers a node with its status; the main
// resource keeps the status, the status subresource keeps the spec) and the Table. ValidateNode is reduced
// to ObjectMeta for now. Users cannot create, change or delete nodes in Podlab yet.

import type { Node } from '../../api/nodes/types'
import { validateObjectMeta } from '../../api/meta/objectmeta'
import { nameIsDNSSubdomain } from '../../api/meta/names'
import { validateObjectMetaUpdate } from '../../api/pods/validation/update'
import { nodeTable } from '../../printers/node-table'
import { defineKind } from '../definition'

export const nodes = defineKind<Node>({
  resource: 'nodes',
  group: '',
  version: 'v1',
  kind: 'Node',
  namespaced: false,
  singular: 'node',
  shortNames: ['no'],
  categories: [],
  schemaType: 'core.v1.Node',
  strategy: {
    prepareForUpdate: (node, old) => {
      node.status = old.status
    },
    validate: (node) => validateObjectMeta(node.metadata, { namespaced: false, nameFn: nameIsDNSSubdomain }),
    validateUpdate: (node, old) => validateObjectMetaUpdate(node.metadata, old.metadata),
    status: {
      prepareForUpdate: (node, old) => {
        node.spec = old.spec
      },
      validateUpdate: (node, old) => validateObjectMetaUpdate(node.metadata, old.metadata),
    },
  },
  table: (objects, nowMs, resourceVersion, wide) => nodeTable(objects as Node[], nowMs, resourceVersion, wide),
  userVerbs: new Set(),
})
