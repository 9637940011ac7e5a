// The parse tree of a JSONPath template, ported by hand from client-go util/jsonpath/node.go (v0.32.5). Each
// node's `text()` is its Go String(), which the ported parser tests compare.

export type Node =
  | ListNode
  | { type: 'NodeText'; text: string }
  | { type: 'NodeField'; value: string }
  | { type: 'NodeIdentifier'; name: string }
  | ArrayNode
  | FilterNode
  | { type: 'NodeInt'; value: number }
  | { type: 'NodeFloat'; value: number }
  | { type: 'NodeWildcard' }
  | { type: 'NodeRecursive' }
  | { type: 'NodeUnion'; nodes: ListNode[] }
  | { type: 'NodeBool'; value: boolean }

export interface ListNode {
  type: 'NodeList'
  nodes: Node[]
}

/** One of an array selection's start, end and step: its value, whether it was written, whether end was derived from start (`[i]`). */
export interface ParamsEntry {
  value: number
  known: boolean
  derived: boolean
}

export interface ArrayNode {
  type: 'NodeArray'
  params: [ParamsEntry, ParamsEntry, ParamsEntry]
}

export interface FilterNode {
  type: 'NodeFilter'
  left: ListNode
  right: ListNode
  /** `<`, `>`, `==`, `!=`, `<=`, `>=`, or `exists` for `[?(@.x)]`; anything else is refused when evaluated. */
  operator: string
}

export const newList = (): ListNode => ({ type: 'NodeList', nodes: [] })
export const newText = (text: string): Node => ({ type: 'NodeText', text })
export const newField = (value: string): Node => ({ type: 'NodeField', value })
export const newIdentifier = (name: string): Node => ({ type: 'NodeIdentifier', name })
export const newArray = (params: ArrayNode['params']): ArrayNode => ({ type: 'NodeArray', params })
export const newFilter = (left: ListNode, right: ListNode, operator: string): FilterNode => ({ type: 'NodeFilter', left, right, operator })
export const newInt = (value: number): Node => ({ type: 'NodeInt', value })
export const newFloat = (value: number): Node => ({ type: 'NodeFloat', value })
export const newWildcard = (): Node => ({ type: 'NodeWildcard' })
export const newRecursive = (): Node => ({ type: 'NodeRecursive' })
export const newUnion = (nodes: ListNode[]): Node => ({ type: 'NodeUnion', nodes })
export const newBool = (value: boolean): Node => ({ type: 'NodeBool', value })

/** node.go's String() of each node type (`NodeField: name`, `NodeArray: [{1 true false} ...]`). */
export function nodeText(node: Node): string {
  switch (node.type) {
    case 'NodeText':
      return `NodeText: ${node.text}`
    case 'NodeField':
      return `NodeField: ${node.value}`
    case 'NodeIdentifier':
      return `NodeIdentifier: ${node.name}`
    case 'NodeArray':
      return `NodeArray: [${node.params.map((p) => `{${p.value} ${p.known} ${p.derived}}`).join(' ')}]`
    case 'NodeFilter':
      return `NodeFilter: NodeList ${node.operator} NodeList`
    case 'NodeInt':
      return `NodeInt: ${node.value}`
    case 'NodeFloat':
      return `NodeFloat: ${node.value.toFixed(6)}`
    case 'NodeBool':
      return `NodeBool: ${node.value}`
    default:
      return node.type
  }
}
