// `kubectl edit (RESOURCE/NAME | -f FILENAME) [-o yaml|json] [--output-patch] [--save-config] [--validate=...]
// [--windows-line-endings]`, after kubectl pkg/cmd/edit/edit.go and pkg/cmd/util/editor/editoptions.go (v0.32.5):
// Complete (the objects, as the server has them now) -> Validate -> Run, whose edit loop (./edit-session.ts) opens
// the host's editor (KubectlIO.editor: $KUBE_EDITOR / $EDITOR / vi in a terminal, the YAML editor in the app) and
// patches what was saved. The loop waits on the user, so the verb answers with a Follow that ends with the edit.
//
// Not supported yet: -k, -R, --subresource (Podlab's API server has no status subresource to patch yet).

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from '../../errors'
import { fail, type KubectlIO, type KubectlResult } from '../../io'
import { chooseFormat } from '../../printers/print-flags'
import { buildVisits, list } from '../../resource/builder'
import { fieldManagerFlag, flagNotYet, notYetError, type Command, type Globals } from '../command'
import { validationDirective } from '../create/create-options'
import { runEditLoop, type EditOptions } from './edit-session'
import type { EditInfo } from './edit-patch'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-edit' },
  { long: 'filename', short: 'f', type: 'stringSlice' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'output-patch', type: 'bool' },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'save-config', type: 'bool' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'subresource', type: 'string', notYet: true },
  { long: 'template', type: 'string' },
  { long: 'validate', type: 'string', noOptDefVal: 'strict', defValue: 'strict' },
  { long: 'windows-line-endings', type: 'bool' },
]

export const editCommand: Command = {
  name: 'edit',
  short: 'Edit a resource on the server',
  group: 'Basic Commands (Intermediate):',
  flags: FLAGS,
  help: HELP,
  run: runEdit,
}

/** What a host without an editor answers (a test or a program that gave none). */
export const NO_EDITOR = 'error: kubectl edit needs an editor, and this Podlab host has none: use the in-app console or `podlab kubectl edit` in a terminal\n'

function runEdit(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  // Complete: the builder (ResourceTypeOrNameArgs(true, ...).Latest()), then the validation directive.
  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces: false,
    filenames: (flags.filename as string[] | undefined) ?? [],
    selectAll: false,
    allowEmptySelector: true,
    args,
  })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))
  const validation = validationDirective(flags)
  if ('error' in validation) return fail(validation.error)

  // Run: the objects as the server has them now; any error ends the edit before the editor opens.
  const errors: CliError[] = [...built.errors]
  const infos: EditInfo[] = []
  for (const visit of built.visits) {
    try {
      if (visit.kind === 'list') for (const object of list(io, visit)) infos.push({ ref: visit.ref, object: { ...object } })
      else infos.push({ ref: visit.ref, object: { ...io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group) } })
    } catch (e) {
      errors.push(fromThrown(e))
    }
  }
  const err = aggregate(errors)
  if (err) return fail(checkErrText(err))
  if (infos.length === 0) return fail(checkErrText(plain('edit cancelled, no objects found')))
  // editPrinterOptions: the editor shows YAML or JSON only; another -o fails when the file is printed.
  const output = (flags.output as string | undefined) ?? ''
  const chosen = chooseFormat(output, ['json', 'yaml'])
  if ('error' in chosen || (output !== '' && output !== 'yaml' && output !== 'json')) {
    return fail(`error: unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: json,yaml\n`)
  }
  if (!io.editor) return fail(NO_EDITOR)

  const options: EditOptions = {
    format: output === 'json' ? 'json' : 'yaml',
    output: output as EditOptions['output'],
    outputPatch: flags['output-patch'] === true,
    saveConfig: flags['save-config'] === true,
    windowsLineEndings: flags['windows-line-endings'] === true,
    namespace: globals.namespace,
    fieldValidation: validation.fieldValidation,
    fieldManager: fieldManagerFlag(FLAGS, flags),
  }
  const editor = io.editor.bind(io)
  return {
    stdout: '',
    stderr: '',
    exitCode: 0,
    follow: {
      waitsOnUser: true,
      start(write, end) {
        let stopped = false
        void runEditLoop(io.engine, editor, infos, options, (stream, text) => {
          if (!stopped) write(stream, text)
        }).then((code) => {
          if (!stopped) end(code)
        })
        return () => {
          stopped = true
        }
      },
    },
  }
}
