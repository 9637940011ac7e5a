// Form -> YAML: a form edit rewrites only the fields that edit changed, in the editor's own document, so
// whatever else the YAML holds (fields the form does not know, comments, other documents, key order) stays as
// the learner wrote it. The change is the difference between the form's entries before and after the edit.

import { isCollection, isMap, isSeq, parseAllDocuments, type Document } from 'yaml'
import { formEntries, type Path } from './entries'
import { API_VERSIONS, type WorkloadForm } from './model'
import { YAML_OPTIONS } from './read'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * `text` with the edit from `before` to `after` applied to its first document. When the text has no document
 * (an empty editor), one is started with the kind's apiVersion and kind. Throws nothing for a text readForm
 * accepted; a text that does not parse is returned unchanged (the form is read-only then).
 */
export function writeForm(text: string, before: WorkloadForm | null, after: WorkloadForm): string {
  const all = parseAllDocuments(text, YAML_OPTIONS)
  const docs = Array.isArray(all) ? all : []
  if (docs.some((d) => d.errors.length > 0)) return text
  const index = docs.findIndex((d) => d.contents !== null)
  if (index < 0) return newDocument(after)
  const doc = docs[index]!
  applyEdit(doc, before, after)
  return docs.map((d) => d.toString(toStringOptions(text))).join('')
}

/**
 * How the text is written back: no folding of long lines, and sequences indented as the learner's own are
 * (`containers:` then `- name:` in the same column is kubectl's and the docs' style; yaml's default indents it).
 */
export function toStringOptions(text: string): { lineWidth: number; indentSeq: boolean } {
  const flush = /^( *)[^\s#-][^\n]*:[ \t]*\n\1- /m.test(text)
  return { lineWidth: 0, indentSeq: !flush }
}

/** A manifest for `form` alone (an empty editor's first form edit, the Workloads view's "New"). */
export function newDocument(form: WorkloadForm): string {
  const doc = parseAllDocuments(`apiVersion: ${API_VERSIONS[form.kind]}\nkind: ${form.kind}\n`, YAML_OPTIONS) as Document.Parsed[]
  applyEdit(doc[0]!, null, form)
  return doc[0]!.toString({ lineWidth: 0, indentSeq: false })
}

/**
 * `text` without the item at `path` (`['spec', 'containers', 0]`) of its first document: the form's Remove,
 * which must take the item's unknown fields with it (a rewrite by index would shift them onto the next item).
 * The list goes too when it is left empty. A text that does not parse is returned unchanged.
 */
export function removeItem(text: string, path: Path): string {
  const all = parseAllDocuments(text, YAML_OPTIONS)
  const docs = Array.isArray(all) ? all : []
  const doc = docs.find((d) => d.contents !== null)
  if (!doc || docs.some((d) => d.errors.length > 0) || !doc.hasIn(path)) return text
  deleteAndPrune(doc, path)
  return docs.map((d) => d.toString(toStringOptions(text))).join('')
}

function applyEdit(doc: Document.Parsed, before: WorkloadForm | null, after: WorkloadForm): void {
  const old = before ? formEntries(before) : { leaves: new Map(), lists: new Map() }
  const next = formEntries(after)
  // Lists first, from the end: removing item 1 of 2 must not shift what later leaves address.
  for (const [key, { path, length }] of next.lists) {
    const previous = old.lists.get(key)?.length
    if (previous === undefined || length >= previous) continue
    const node = doc.getIn(path, true)
    if (isSeq(node)) for (let i = node.items.length - 1; i >= length; i--) node.items.splice(i, 1)
    if (length === 0) deleteAndPrune(doc, path)
  }
  for (const [key, { path, value }] of next.leaves) {
    const was = old.leaves.get(key)
    if (was && same(was.value, value)) continue
    if (value === undefined) {
      if (doc.hasIn(path)) deleteAndPrune(doc, path)
    } else {
      makeCollections(doc, path)
      doc.setIn(path, doc.createNode(value))
    }
  }
  // Leaves the edit no longer has at all (a label key renamed or removed).
  for (const [key, { path }] of old.leaves) if (!next.leaves.has(key) && doc.hasIn(path)) deleteAndPrune(doc, path)
}

/**
 * Makes the collections on the way to `path` that are missing, or a scalar (`resources:` left empty is null),
 * as setIn needs.
 */
function makeCollections(doc: Document.Parsed, path: Path): void {
  for (let n = 1; n < path.length; n++) {
    const node = doc.getIn(path.slice(0, n), true)
    // Made here rather than by setIn, which makes a missing map from a JS Map: an !!omap under YAML 1.1.
    if (!isCollection(node)) doc.setIn(path.slice(0, n), doc.createNode(typeof path[n] === 'number' ? [] : {}))
  }
}

/** Deletes `path`, then each parent left empty by it (an empty `resources: {}` or `livenessProbe: {}`). */
function deleteAndPrune(doc: Document.Parsed, path: Path): void {
  doc.deleteIn(path)
  for (let n = path.length - 1; n > 0; n--) {
    const parent = doc.getIn(path.slice(0, n), true)
    if (!isCollection(parent) || parent.items.length > 0) return
    // An emptyDir volume is `emptyDir: {}`: an empty map the form wrote on purpose.
    if (path[n - 1] === 'emptyDir' && isMap(parent)) return
    doc.deleteIn(path.slice(0, n))
  }
}
