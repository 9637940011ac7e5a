// The `manifests.check` call (issue 11 item 2): what `kubectl apply -f -` would answer for the editor's text,
// run as apply runs it (kubectl's decode and schema checks, then the API server's decode, strict field
// validation, admission and validation) with dryRun=All so that nothing is stored; each error placed on the
// line it is about, with a hint where a learner needs one, and a preview of each accepted document.

import { MAX_CHECK_ENTRIES, type CheckDiagnostic, type CheckHint, type ManifestCheck, type PreviewDocument } from '../../contract'
import { unknownFields, type Engine } from '../../engine'
import { applyDocuments } from '../../kubectl/apply-manifests'
import { addSourceToErr, fromThrown, toContractError, type CliError } from '../../kubectl/errors'
import { pruneNulls } from '../../kubectl/last-applied'
import { isSlotError, visitDocuments, type DocumentInfo } from '../../kubectl/resource/documents'
import { apiVersionHint, kindHint, unknownFieldHint } from './hints'
import { previewDocument } from './preview'
import { SourcePositions, splitFieldPath, type Position, type SourceDocument } from './yaml-positions'

/** What kubectl names text from a pipe; the editor's text is applied as `kubectl apply -f -`. */
const SOURCE = 'STDIN'
/** kubectl's dry-run suffix on an operation line, which the preview leaves out. */
const DRY_RUN_SUFFIX = ' (server dry run)'

/**
 * Checks `text` as `kubectl apply -f - --dry-run=server` would, against the engine's current objects. Stores
 * nothing (every write is a dry run). Diagnostics are in document order; lines are 1-based in `text`. Throws
 * only what the engine throws for reasons other than the manifest (a closed cluster file).
 */
export function checkManifests(engine: Engine, text: string): ManifestCheck {
  const positions = new SourcePositions(text)
  const report = applyDocuments(engine, text, SOURCE, { dryRun: 'server' })
  const { slots, stop } = visitDocuments(engine, text, SOURCE, { namespace: 'default', enforceNamespace: false, validate: true })
  const diagnostics: CheckDiagnostic[] = []
  const preview: PreviewDocument[] = []
  const add = (source: SourceDocument | undefined, at: Position | undefined, err: CliError, hint?: CheckHint, severity: CheckDiagnostic['severity'] = 'error') => {
    const where = at ?? source?.start ?? { line: 1, column: 1 }
    diagnostics.push({ document: source?.index ?? 0, line: where.line, column: where.column, severity, message: toContractError(err).message, ...(hint ? { hint } : {}) })
  }

  slots.forEach((slot, i) => {
    const source = positions.withContent[i]
    const result = report.results[i]
    if (isSlotError(slot)) {
      const doc = asObject(source?.doc.toJS())
      const reason = slot.kind === 'plain' ? slot.reason : undefined
      if (reason === 'NotSimulated') {
        add(source, source && positions.fieldPosition(source, ['kind']), slot, { code: 'notSimulated', kind: String(doc.kind ?? '') }, 'warning')
      } else if (reason === 'NoKindMatch') {
        const resources = engine.resources()
        const apiVersion = apiVersionHint(resources, String(doc.apiVersion ?? ''), String(doc.kind ?? ''))
        const kind = apiVersion ? undefined : kindHint(resources, String(doc.kind ?? ''))
        add(source, source && positions.fieldPosition(source, [kind ? 'kind' : 'apiVersion']), slot, apiVersion ?? kind)
      } else {
        add(source, undefined, slot)
      }
      return
    }
    if (result?.ok) {
      preview.push(previewDocument(engine, source?.index ?? i, result.line.replace(DRY_RUN_SUFFIX, ''), slot.object))
      return
    }
    if (result) documentErrors(engine, positions, source, slot, result.error, add)
  })

  if (stop) {
    // The document that did not parse is the first one after those read (or the only one).
    const source = positions.documents.find((d) => d.doc.errors.length > 0) ?? positions.withContent[slots.length]
    add(source, source && positions.errorPosition(source), stop)
  }
  return { diagnostics: diagnostics.slice(0, MAX_CHECK_ENTRIES), preview: preview.slice(0, MAX_CHECK_ENTRIES) }
}

type Add = (source: SourceDocument | undefined, at: Position | undefined, err: CliError, hint?: CheckHint) => void

/**
 * A mapped document the dry run refused: the lines of its unknown fields (with the API server's strict
 * decoding error, which kubectl apply only reaches once the name is there), else the fields the Invalid
 * status names, else its first line.
 */
function documentErrors(engine: Engine, positions: SourcePositions, source: SourceDocument | undefined, info: DocumentInfo, error: CliError, add: Add): void {
  const object = info.object
  const unknown = unknownFields(String(object.apiVersion ?? ''), String(object.kind ?? ''), object)
  if (unknown.length > 0) {
    const strict = strictError(engine, object)
    const strictText = strict && toContractError(strict).message
    if (strictText !== toContractError(error).message) add(source, undefined, error)
    for (const path of unknown) {
      const parts = splitFieldPath(path)
      add(source, source && positions.fieldPosition(source, parts), strict ?? error, unknownFieldHint(engine, object, parts))
    }
    return
  }
  const causes = error.kind === 'status' ? (error.status.details?.causes ?? []) : []
  const fields = [...new Set(causes.map((c) => c.field).filter((f) => f))]
  if (fields.length === 0) return add(source, undefined, error)
  for (const field of fields) add(source, source && positions.fieldPosition(source, splitFieldPath(field)), error)
}

/** The API server's answer to creating `object` with fieldValidation=Strict (dry run), as kubectl prints it; undefined if accepted. */
function strictError(engine: Engine, object: Record<string, unknown>): CliError | undefined {
  try {
    engine.create(pruneNulls(object), { fieldValidation: 'Strict', dryRun: 'All' })
    return undefined
  } catch (e) {
    return addSourceToErr('creating', SOURCE, fromThrown(e))
  }
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}
