// `kubectl apply -f FILE|-` (client-side apply), after kubectl pkg/cmd/apply/apply.go (v0.32.5): the file
// check of the resource builder, then apply-manifests.ts for each file; success lines on stdout, warnings and
// the errors on stderr in the order and shape kubectl's Run returns them.

import { applyDocuments } from '../../apply-manifests'
import { aggregate, checkErrText, type CliError } from '../../errors'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { readSources } from '../../resource/builder'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import { HELP } from './help'
import { dryRunStrategy, type DryRun } from '../create/create-options'

const FLAGS: FlagSpec[] = [
  { long: 'all', type: 'bool', notYet: true },
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'cascade', type: 'string', noOptDefVal: 'background', defValue: 'background', notYet: true },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-client-side-apply', notYet: true },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'force', type: 'bool', notYet: true },
  { long: 'force-conflicts', type: 'bool', notYet: true },
  { long: 'grace-period', type: 'int', defValue: -1, notYet: true },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'openapi-patch', type: 'bool', defValue: true, notYet: true },
  { long: 'output', short: 'o', type: 'string', notYet: true },
  { long: 'overwrite', type: 'bool', defValue: true, notYet: true },
  { long: 'prune', type: 'bool', notYet: true },
  { long: 'prune-allowlist', type: 'stringArray', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string', notYet: true },
  { long: 'server-side', type: 'bool', notYet: true },
  { long: 'show-managed-fields', type: 'bool', notYet: true },
  { long: 'subresource', type: 'string', notYet: true },
  { long: 'template', type: 'string', notYet: true },
  { long: 'timeout', type: 'string', defValue: '0s', notYet: true },
  { long: 'validate', type: 'string', noOptDefVal: 'strict', defValue: 'strict', notYet: true },
  { long: 'wait', type: 'bool', notYet: true },
]

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  group: 'Advanced Commands:',
  flags: FLAGS,
  help: HELP,
  run: (io, _args, flags, globals) => runApply(io, flags, globals),
}

interface ApplyOptions {
  sources: Array<{ name: string; text: string }>
  namespace: string
  enforceNamespace: boolean
  dryRun: DryRun
  /** GetDryRunStrategy's deprecation warning, written first on stderr. */
  warning: string
}

function runApply(io: KubectlIO, flags: FlagValues, globals: Globals): KubectlResult {
  const dry = dryRunStrategy(flags)
  if ('error' in dry) return fail(dry.error)
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(dry.warning + notYetError(notYet))
  const completed = complete(io, flags, globals.namespace, globals.explicitNamespace)
  return 'error' in completed ? fail(dry.warning + completed.error) : run(io, { ...completed, dryRun: dry.dryRun, warning: dry.warning })
}

function complete(io: KubectlIO, flags: FlagValues, namespace: string, explicit: boolean): Omit<ApplyOptions, 'dryRun' | 'warning'> | { error: string } {
  const files = (flags.filename as string[] | undefined) ?? []
  if (files.length === 0) return { error: 'error: must specify one of -f and -k\n' }
  const read = readSources(io, files)
  if ('error' in read) return read
  const sources = read.sources
  return { sources, namespace, enforceNamespace: explicit }
}

function run(io: KubectlIO, o: ApplyOptions): KubectlResult {
  let stdout = ''
  let warnings = o.warning
  const visitErrors: CliError[] = []
  const applyErrors: CliError[] = []
  for (const source of o.sources) {
    const report = applyDocuments(io.engine, source.text, source.name, { namespace: o.namespace, enforceNamespace: o.enforceNamespace, dryRun: o.dryRun })
    for (const r of report.results) if (r.ok) stdout += `${r.line}\n`
    warnings += report.warnings.join('')
    visitErrors.push(...report.visitErrors)
    applyErrors.push(...report.applyErrors)
  }
  // apply.go Run: the builder's error (one, or an aggregate of several) comes first, then each apply error.
  const errs = [...(visitErrors.length === 1 ? visitErrors : visitErrors.length > 1 ? [aggregate(visitErrors)!] : []), ...applyErrors]
  if (errs.length === 0) return ok(stdout, warnings)
  return fail(warnings + checkErrText(errs.length === 1 ? errs[0]! : aggregate(errs)!), stdout)
}
