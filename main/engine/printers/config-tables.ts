// `kubectl get configmaps|secrets` as the API server builds them: configMapColumnDefinitions / printConfigMap
// (DATA counts data and binaryData) and secretColumnDefinitions / printSecret, kubernetes release-1.32
// pkg/printers/internalversion/printers.go.

import type { Table } from '../../kube'
import type { ConfigMap, Secret } from '../api/config/types'
import { timestampSince } from '../../gostd/human-duration'
import { DOCS } from './swagger-docs'
import { column, makeTable } from './table'

const count = (m: Record<string, unknown> | undefined): number => Object.keys(m ?? {}).length

export function configMapTable(items: ConfigMap[], nowMs: number, resourceVersion: string, wide = true): Table {
  const columns = [
    column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
    column('Data', 'string', DOCS.configMapData),
    column('Age', 'string', DOCS.objectMetaCreationTimestamp),
  ]
  const rows = items.map((cm) => ({
    object: cm,
    cells: [cm.metadata.name ?? '', count(cm.data) + count(cm.binaryData), timestampSince(cm.metadata.creationTimestamp, nowMs)],
  }))
  return makeTable(columns, rows, resourceVersion, wide)
}

export function secretTable(items: Secret[], nowMs: number, resourceVersion: string, wide = true): Table {
  const columns = [
    column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
    column('Type', 'string', DOCS.secretType),
    column('Data', 'string', DOCS.secretData),
    column('Age', 'string', DOCS.objectMetaCreationTimestamp),
  ]
  const rows = items.map((s) => ({
    object: s,
    cells: [s.metadata.name ?? '', s.type ?? '', count(s.data), timestampSince(s.metadata.creationTimestamp, nowMs)],
  }))
  return makeTable(columns, rows, resourceVersion, wide)
}
