// Nodes (core/v1, cluster-scoped): discovery (pkg/registry/core/node/storage/storage.go ShortNames), the
// strategy (pkg/registry/core/node/strategy.go: the kubelet registers a node with its status; the main
// resource keeps the status, the status subresource keeps the spec; a node is created with the status it is
// sent, as KWOK's and the kubelet's are) and the Table. Users may create and delete nodes (a created node gets a
// simulated kubelet, ../../kubelet/node-registration.ts) and update them (cordon: spec.unschedulable, labels,
// taints) as ValidateNodeUpdate allows.

import type { Node } from '../../api/nodes/types'
import { defaultNode } from '../../api/nodes/defaults'
import { validateNode, validateNodeUpdate } from '../../api/nodes/validation'
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
    defaults: defaultNode,
    prepareForUpdate: (node, old) => {
      node.status = old.status
    },
    validate: validateNode,
    validateUpdate: validateNodeUpdate,
    status: {
      prepareForUpdate: (node, old) => {
        node.spec = old.spec
      },
      validateUpdate: (node, old) => validateObjectMetaUpdate(node.metadata, old.metadata),
    },
  },
  table: (objects, nowMs, resourceVersion, wide) => nodeTable(objects as Node[], nowMs, resourceVersion, wide),
  userVerbs: new Set(['create', 'update', 'delete']),
})
