// The edit loop of `kubectl edit` (kubectl pkg/cmd/util/editor/editoptions.go v0.32.5 Run's editFn, NormalEditMode):
// the objects (one, or a v1 List of several) are written with the header into a temporary file, the editor is
// opened on it, and what was saved is compared, checked, parsed and patched object by object. An invalid object or
// a file that does not parse reopens the editor with the reasons in the header, until the user saves a valid edit
// or saves nothing new. Every pass waits on the host's editor, so the loop is asynchronous (a Follow to hosts).

import type { Engine } from '../../../engine'
import { checkErrText, plain, type CliError } from '../../errors'
import { EditorFailed, type EditedFile, type KubectlIO } from '../../io'
import { kindSlashName } from '../../mapping'
import { serialize } from '../../printers/print-flags'
import { isSlotError, visitDocuments } from '../../resource/documents'
import { EditResults, hasLines, headerText, manualStrip, stripComments } from './edit-file'
import { patchEdited, type EditInfo } from './edit-patch'
import { validateBytes } from './edit-validation'
import { lastAppliedConfiguration, withLastApplied } from '../../last-applied'

type Obj = Record<string, unknown>
type Write = (stream: 'stdout' | 'stderr', text: string) => void

export interface EditOptions {
  /** The editor's format: YAML (with the header) unless -o json. */
  format: 'yaml' | 'json'
  /** How an edited object is printed: `<kind>/<name> edited`, or -o yaml|json of the answer. */
  output: '' | 'yaml' | 'json'
  outputPatch: boolean
  saveConfig: boolean
  windowsLineEndings: boolean
  /** The namespace the edit runs in (kubeconfig's, or -n): edited objects must stay in it. */
  namespace: string
  fieldValidation: 'Strict' | 'Warn' | 'Ignore'
  /** --field-manager (kubectl-edit). */
  fieldManager?: string
}

/** Where kubectl names the file that keeps the edits, a host without files (the console) says that none does. */
const NO_FILE = 'podlab: the console has no files: these edits were not kept\n'

/** kubectl's text when the user saves nothing new after an error (editoptions.go). */
const NO_VALID_CHANGES = 'Edit cancelled, no valid changes were saved.'

/**
 * Runs the loop over `infos` (the objects as the server has them, in order) with `editor`; writes what kubectl
 * prints and resolves with its exit code. Never rejects.
 */
export async function runEditLoop(
  engine: Engine,
  editor: NonNullable<KubectlIO['editor']>,
  infos: EditInfo[],
  options: EditOptions,
  write: Write,
): Promise<number> {
  const fail = (err: CliError, keptFile: EditedFile | undefined) => {
    // preservedFile: where the changes are, when a file holds them.
    if (keptFile?.path) write('stderr', `A copy of your changes has been stored to ${JSON.stringify(keptFile.path)}\n`)
    write('stderr', checkErrText(err))
    return 1
  }
  const fileName = `kubectl-edit-*.${options.format}`
  let results = new EditResults('')
  let resultsFile: EditedFile | undefined
  let original = ''
  let edited = ''
  let containsError = false
  for (;;) {
    const originalObj: Obj =
      infos.length === 1 ? infos[0]!.object : { apiVersion: 'v1', items: infos.map((i) => i.object), kind: 'List', metadata: {} }
    let buf = options.format === 'yaml' ? headerText(results.reasons) : ''
    if (!containsError) {
      // extractManagedFields: the file never shows them; restoreManagedFields puts them back before comparing.
      buf += serialize(options.format, withoutManagedFields(originalObj))
      original = buf
    } else buf += manualStrip(edited)
    if (options.windowsLineEndings) buf = buf.replace(/\n/g, '\r\n')

    const editedDiff = edited
    let saved: EditedFile | null
    try {
      saved = await editor(buf, fileName)
    } catch (e) {
      return fail(plain(e instanceof EditorFailed ? e.message : String(e)), resultsFile)
    }
    // Cancel in the console: as if the editor was closed without saving.
    const file: EditedFile = saved ?? { text: buf, path: '', remove: () => {} }
    edited = file.text
    if (containsError && stripComments(editedDiff) === stripComments(edited)) return fail(plain(NO_VALID_CHANGES), file)
    resultsFile?.remove()
    resultsFile = undefined

    if (options.fieldValidation !== 'Ignore') {
      const invalid = validateBytes(stripComments(edited))
      if (invalid !== undefined) {
        results = new EditResults(file.path)
        resultsFile = file
        containsError = true
        const status = {
          reason: 'Invalid',
          message: '',
          details: { causes: [{ reason: 'FieldValueInvalid', field: '<nil>', message: `Invalid value: "The edited file failed validation": ${invalid}` }] },
        }
        const first = infos[0]!
        write('stderr', `${results.addError({ kind: 'status', status }, first.ref, nameOf(first.object))}\n`)
        continue
      }
    }
    if (stripComments(original) === stripComments(edited)) {
      file.remove()
      write('stderr', 'Edit cancelled, no changes made.\n')
      return 0
    }
    if (!hasLines(edited)) {
      file.remove()
      write('stderr', 'Edit cancelled, saved file was empty.\n')
      return 0
    }
    results = new EditResults(file.path)
    resultsFile = file

    // updatedResultGetter: the saved file read as the builder reads a stream named "edited-file".
    const visited = visitDocuments(engine, edited, 'edited-file', { namespace: options.namespace, enforceNamespace: false, validate: false })
    const slotErrors = visited.slots.filter(isSlotError)
    const syntax = visited.stop ?? slotErrors[0]
    if (syntax) {
      containsError = true
      results.reasons.push({ head: `The edited file had a syntax error: ${checkErrText(syntax).replace(/^error: /, '').trimEnd()}`, other: [] })
      continue
    }
    containsError = false
    const updated: EditInfo[] = visited.slots.flatMap((s) => (isSlotError(s) ? [] : [{ ref: s.ref, object: restoreManagedFields(s.object, infos) }]))

    // RequireNamespace: an object moved to another namespace is refused.
    for (const u of updated) {
      const ns = String((u.object.metadata as Obj | undefined)?.namespace ?? '')
      if (u.ref.namespaced && ns !== options.namespace) {
        return fail(plain(`the namespace from the provided object ${JSON.stringify(ns)} does not match the namespace ${JSON.stringify(options.namespace)}. You must pass '--namespace=${ns}' to perform this operation.`), resultsFile)
      }
    }
    if (options.saveConfig) for (const u of updated) u.object = withLastApplied(u.object, lastAppliedConfiguration(u.object))

    for (const u of updated) {
      const outcome = patchEdited(
        engine,
        infos,
        u,
        options.fieldValidation,
        (body) => {
          if (options.outputPatch) write('stdout', `Patch: ${body}\n`)
        },
        options.fieldManager,
      )
      if ('fatal' in outcome) return fail(outcome.fatal, resultsFile)
      if ('refused' in outcome) write('stderr', `${results.addError(outcome.refused, u.ref, nameOf(u.object))}\n`)
      else if ('skipped' in outcome) write('stdout', printed(u, outcome.object, 'skipped', options.output))
      else write('stdout', printed(u, outcome.patched, 'edited', options.output))
    }

    if (results.retryable > 0) {
      write('stderr', file.path ? `You can run \`kubectl replace -f ${file.path}\` to try this update again.\n` : NO_FILE)
      return 1
    }
    if (results.notfound > 0) {
      write('stderr', file.path ? `The edits you made on deleted resources have been saved to ${JSON.stringify(file.path)}\n` : NO_FILE)
      return 1
    }
    if (results.edit === 0) {
      file.remove()
      return 0
    }
    if (results.reasons.length > 0) containsError = true
  }
}

function nameOf(object: Obj): string {
  return String((object.metadata as Obj | undefined)?.name ?? '')
}

/** `<kind>/<name> <operation>`, or the object as -o yaml|json prints it. */
function printed(info: EditInfo, object: Obj, operation: string, output: EditOptions['output']): string {
  if (output === 'yaml' || output === 'json') return serialize(output, object)
  return `${kindSlashName(info.ref, nameOf(object))} ${operation}\n`
}

/** A copy without metadata.managedFields (of the object, or of each item of a List). */
function withoutManagedFields(object: Obj): Obj {
  const copy = structuredClone(object)
  const strip = (o: Obj) => {
    const meta = o.metadata as Obj | undefined
    if (meta) delete meta.managedFields
  }
  if (Array.isArray(copy.items)) (copy.items as Obj[]).forEach(strip)
  else strip(copy)
  return copy
}

/** restoreManagedFields: the edited object gets back the managedFields of the object with its UID (none if none). */
function restoreManagedFields(object: Obj, infos: readonly EditInfo[]): Obj {
  const meta = object.metadata as Obj | undefined
  if (!meta) return object
  const uid = meta.uid
  const from = infos.find((i) => (i.object.metadata as Obj | undefined)?.uid === uid)
  const fields = (from?.object.metadata as Obj | undefined)?.managedFields
  if (Array.isArray(fields) && fields.length > 0) meta.managedFields = fields
  else delete meta.managedFields
  return object
}
