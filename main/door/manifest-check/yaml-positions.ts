// Where a field of a manifest sits in its text, for marking the line an error is about. The engine decodes with
// go-yaml's port (gostd/goyaml), which keeps no positions; eemeli's `yaml` parser keeps every node's offsets, so
// the text is read a second time here for positions only (never for values).

import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'
import type { Document, LineCounter, Node } from 'yaml'

// Required on first use: `yaml` is ~80 CommonJS files, ~50 ms of every `podlab` start that never checks a manifest.
let loaded: typeof Yaml | undefined
const yaml = (): typeof Yaml => (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml)

/** A 1-based line and column in the whole text. */
export interface Position {
  line: number
  column: number
}

export interface SourceDocument {
  /** 0-based index among every document of the text (empty ones counted). */
  index: number
  /** Where the document's content starts. */
  start: Position
  doc: Document.Parsed
}

/** A field path as the API server writes it (`spec.containers[1].containerPort`), split into keys and indexes. */
export function splitFieldPath(path: string): Array<string | number> {
  const parts: Array<string | number> = []
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(match[2] !== undefined ? Number(match[2]) : match[1]!)
  return parts
}

export class SourcePositions {
  private readonly lines: LineCounter = new (yaml().LineCounter)()
  readonly documents: SourceDocument[]
  /** The documents with content, in order: the ones kubectl's decoder yields (it skips empty and null ones). */
  readonly withContent: SourceDocument[]

  constructor(text: string) {
    const { parseAllDocuments, isScalar } = yaml()
    const parsed = parseAllDocuments(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: false })
    const docs = Array.isArray(parsed) ? parsed : []
    this.documents = docs.map((doc, index) => ({ index, start: this.at(doc.contents?.range?.[0] ?? doc.range[0]), doc }))
    this.withContent = this.documents.filter(({ doc }) => doc.contents !== null && !(isScalar(doc.contents) && doc.contents.value === null))
  }

  /** The 1-based line and column of a character offset. */
  at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset)
    return { line, column: col }
  }

  /**
   * The position of the deepest part of `path` the document has: the key of the last field found (so
   * `spec.containers[1].containerPort` marks `- containerPort: 80`'s key), else the document's start.
   */
  fieldPosition(document: SourceDocument, path: Array<string | number>): Position {
    const { isMap, isScalar, isSeq } = yaml()
    let node: unknown = document.doc.contents
    let found: Position = document.start
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === String(part))
        if (!pair) break
        const key = pair.key as Node | null
        if (key?.range) found = this.at(key.range[0])
        node = pair.value
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part] as Node | undefined
        if (!item) break
        if (item.range) found = this.at(item.range[0])
        node = item
      } else {
        break
      }
    }
    return found
  }

  /** Where the parser's first error in `document` is, if it found one. */
  errorPosition(document: SourceDocument): Position | undefined {
    const error = document.doc.errors[0]
    return error ? this.at(error.pos[0]) : undefined
  }
}
