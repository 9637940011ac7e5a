// meta.k8s.io/v1 Table: what the API server returns for `Accept: ...;as=Table`. Podlab builds every list
// as a Table once (engine side) and every door lays it out (kubectl text, the UI's lists, the REST door).

export interface TableColumnDefinition {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date'
  format: string
  description: string
  /** 0 = always shown; 1 = only with `-o wide`. */
  priority: number
}

export interface TableRowObject {
  kind: 'PartialObjectMetadata'
  apiVersion: 'meta.k8s.io/v1'
  metadata: { name: string; namespace?: string; uid: string; resourceVersion: string; creationTimestamp: string }
}

export interface TableRow {
  cells: Array<string | number | boolean>
  object: TableRowObject
}

export interface Table {
  kind: 'Table'
  apiVersion: 'meta.k8s.io/v1'
  metadata: { resourceVersion: string }
  columnDefinitions: TableColumnDefinition[]
  rows: TableRow[]
}
