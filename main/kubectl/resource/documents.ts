// The builder's file visitor (cli-runtime pkg/resource visitor.go StreamVisitor + FlattenListVisitor, mapper.go
// infoForData, the SetNamespace / RequireNamespace helpers) for one file's text: every document decoded,
// checked for apiVersion/kind (kubectl's schema validation), mapped, defaulted into the namespace, refused when
// -n names another one. A document that cannot be mapped is an error in its place (ContinueOnError); one that
// cannot be decoded or validated stops the reading of the file.

import { DOCUMENTED_ONLY_RESOURCES, type Engine, type ResourceRef } from '../../engine'
import { plain, type CliError } from '../errors'
import { decodeManifest } from '../manifests'
import { mappingFor, noKindMatchMessage, objectKind } from '../mapping'
import { toJsonLine } from '../printers/json'

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false'

/** One object read from a file, mapped to the resource that serves it. */
export interface DocumentInfo {
  ref: ResourceRef
  /** The document, its metadata.namespace set for a namespaced resource. */
  object: Record<string, unknown>
  name: string
  /** '' for a cluster-scoped resource. */
  namespace: string
}

export interface VisitedFile {
  /** In file order: an object, or the error that document gave. */
  slots: Array<DocumentInfo | CliError>
  /** The error that stopped reading (a syntax or validation error), if any. */
  stop?: CliError
}

export interface DocumentOptions {
  /** The namespace objects without one go to (kubeconfig's, or -n). */
  namespace: string
  /** -n was given: an object naming another namespace is an error. */
  enforceNamespace: boolean
  /** kubectl's schema validation (apply): apiVersion/kind problems in its words; else the decoder's. */
  validate: boolean
}

/** The documents of one file, as the builder visits them. `source` is the path, or `-` for stdin. */
export function visitDocuments(engine: Engine, text: string, source: string, options: DocumentOptions): VisitedFile {
  const shown = sourceName(source)
  const stream = decodeManifest(text, shown)
  const slots: VisitedFile['slots'] = []
  let stop: CliError | undefined = stream.error ? plain(stream.error, 'ParseError') : undefined
  for (const doc of stream.documents.flatMap(flattenList)) {
    const missingKind = typeof doc === 'object' && doc !== null && !Array.isArray(doc) && !(doc as { kind?: unknown }).kind
    if (!options.validate && missingKind) {
      // The unstructured decoder's words, with the document as compact JSON.
      stop = plain(`unable to decode ${JSON.stringify(shown)}: Object 'Kind' is missing in '${toJsonLine(doc).trimEnd()}'`)
      break
    }
    // Without validation a missing apiVersion is no error: the mapper takes the kind's preferred version.
    const kind = !options.validate && typeof (doc as { apiVersion?: unknown }).apiVersion !== 'string' ? { gvk: { group: '', version: '', kind: String((doc as { kind: unknown }).kind) } } : objectKind(doc)
    if ('errors' in kind) {
      const list = kind.errors.length === 1 ? kind.errors[0] : `[${kind.errors.join(', ')}]`
      stop = plain(`error validating "${shown}": error validating data: ${list}; ${STOP_VALIDATE}`)
      break
    }
    const object = doc as Record<string, unknown>
    const metadata = (object.metadata ?? {}) as Record<string, unknown>
    const name = typeof metadata.name === 'string' ? metadata.name : ''
    const fileNamespace = typeof metadata.namespace === 'string' ? metadata.namespace : ''
    const ref = mappingFor(engine, kind.gvk)
    const unsimulated = ref ? undefined : unsimulatedKind(kind.gvk)
    if (unsimulated) {
      // A real cluster has it: the learner's manifest is not wrong, Podlab just has nothing to run it with.
      slots.push(plain(`Podlab does not simulate ${unsimulated} yet: ${kind.gvk.kind} ${JSON.stringify(name)} from ${JSON.stringify(shown)} was not sent`, 'NotSimulated'))
      continue
    }
    if (!ref) {
      slots.push(
        plain(
          `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(fileNamespace)} from ${JSON.stringify(shown)}: ${noKindMatchMessage(kind.gvk)}\nensure CRDs are installed first`,
          'NoKindMatch',
        ),
      )
      continue
    }
    if (ref.namespaced && options.enforceNamespace && fileNamespace && fileNamespace !== options.namespace) {
      slots.push(
        plain(
          `the namespace from the provided object ${JSON.stringify(fileNamespace)} does not match the namespace ${JSON.stringify(options.namespace)}. You must pass '--namespace=${fileNamespace}' to perform this operation.`,
        ),
      )
      continue
    }
    const namespace = ref.namespaced ? fileNamespace || options.namespace : ''
    if (ref.namespaced) object.metadata = { ...metadata, namespace }
    slots.push({ ref, object, name, namespace })
  }
  return stop ? { slots, stop } : { slots }
}

/** How kubectl names a source in messages: the path, or STDIN. */
export function sourceName(source: string): string {
  return source === '-' ? 'STDIN' : source
}

/** The builder's Flatten(): a `kind: List` document stands for its items. */
export function flattenList(doc: unknown): unknown[] {
  const d = doc as Record<string, unknown> | null
  const isList = d && typeof d === 'object' && typeof d.kind === 'string' && d.kind.endsWith('List') && Array.isArray(d.items)
  return isList ? (d.items as unknown[]) : [doc]
}

export function isSlotError(slot: DocumentInfo | CliError): slot is CliError {
  return !('ref' in slot)
}

/** `Services` for a kind a real cluster serves and Podlab does not simulate (v1 Service, batch/v1 CronJob...), else undefined. */
function unsimulatedKind(gvk: { group: string; version: string; kind: string }): string | undefined {
  const r = DOCUMENTED_ONLY_RESOURCES.find((d) => d.group === gvk.group && d.version === gvk.version && d.kind === gvk.kind)
  return r && `${r.kind}${r.kind.endsWith('s') ? 'es' : 's'}`
}
