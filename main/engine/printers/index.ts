// One Table builder for every door (the console's kubectl, the CLI, the REST door, the UI's lists), so that
// they can never disagree; each kind names its builder in its registry folder (../resources/<kind>). The real
// API server always fills the wide cells (its TableConvertor passes Wide: true) and leaves hiding priority-1
// columns to the client: the REST door must pass wide = true.

import type { KubeObject, Table } from '../../kube'
import { definitionFor } from '../resources/registry'
import { column, makeTable } from './table'
import { timestampSince } from '../../gostd/human-duration'
import { DOCS } from './swagger-docs'

/** printers.go's fallback (objectMetaColumnDefinitions) for resources without a printer: NAME AGE. */
const DEFAULT_COLUMNS = [
  column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
  column('Age', 'string', DOCS.objectMetaCreationTimestamp),
]

/** The server's Table for `resource` (plural, e.g. `pods`; of `group` when given, else the core one's) at virtual time `nowMs`. */
export function buildTable(resource: string, objects: KubeObject[], nowMs: number, resourceVersion: string, wide = true, group?: string): Table {
  const table = definitionFor(resource, group)?.table
  if (table) return table(objects, nowMs, resourceVersion, wide)
  return makeTable(
    DEFAULT_COLUMNS,
    objects.map((o) => ({ object: o, cells: [o.metadata.name ?? '', timestampSince(o.metadata.creationTimestamp, nowMs)] })),
    resourceVersion,
    wide,
  )
}
