// `kubectl create -f FILENAME` and its subcommands, after kubectl pkg/cmd/create/create.go (v0.32.5): Complete ->
// Validate -> RunCreate. The subcommands Podlab has are found by run-kubectl (cobra's Find); the ones the real
// kubectl has beside them answer "not supported by Podlab yet".

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { aggregate, checkErrText, plain, type CliError } from '../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { readSources } from '../../resource/builder'
import type { Command, Globals } from '../command'
import { createConfigMapCommand } from './configmap/configmap'
import { createCronJobCommand } from './cronjob/cronjob'
import { createDocuments } from './create-documents'
import { CREATE_FLAGS, completeSettings, usageError } from './create-options'
import { createDeploymentCommand } from './deployment/deployment'
import { HELP } from './help'
import { createJobCommand } from './job/job'
import { createNamespaceCommand } from './namespace/namespace'
import { createSecretCommand } from './secret/secret'
import { createServiceCommand } from './service/service'
import { createServiceAccountCommand } from './serviceaccount/serviceaccount'

const FLAGS: FlagSpec[] = [
  ...CREATE_FLAGS,
  { long: 'edit', type: 'bool', notYet: true },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'raw', type: 'string', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string', notYet: true },
  { long: 'windows-line-endings', type: 'bool' },
]

/** `kubectl create --help`'s Available Commands Podlab does not have yet, with their aliases. */
const NOT_YET: Record<string, string[]> = {
  clusterrole: [], clusterrolebinding: [], ingress: ['ing'], poddisruptionbudget: ['pdb'], priorityclass: ['pc'],
  quota: ['resourcequota'], role: [], rolebinding: [], token: [],
}

export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  group: 'Basic Commands (Beginner):',
  flags: FLAGS,
  help: HELP,
  subcommands: [
    createConfigMapCommand, createCronJobCommand, createDeploymentCommand, createJobCommand, createNamespaceCommand, createSecretCommand,
    createServiceCommand, createServiceAccountCommand,
  ],
  notYetSubcommands: NOT_YET,
  run: runCreate,
}

function runCreate(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // Complete.
  if (args.length > 0) return fail(usageError('kubectl create', `Unexpected args: [${args.join(' ')}]`))
  const settings = completeSettings(flags, FLAGS, 'validation-first')
  if ('error' in settings) return fail(settings.error)
  // Validate: RequireFilenameOrKustomize.
  const filenames = (flags.filename as string[] | undefined) ?? []
  if (filenames.length === 0) return fail('error: must specify one of -f and -k\n')
  const read = readSources(io, filenames, 'creating')
  if ('error' in read) return fail(read.error)

  let stdout = ''
  let count = 0
  const errors: CliError[] = []
  const visitErrors: CliError[] = []
  for (const source of read.sources) {
    const report = createDocuments(io.engine, source.text, source.name, { ...settings, namespace: globals.namespace, enforceNamespace: globals.explicitNamespace, printedBefore: count })
    stdout += report.stdout
    count += report.count
    errors.push(...report.errors)
    visitErrors.push(...report.visitErrors)
  }
  // ContinueOnErrorVisitor: the visit's errors, then the reading's aggregate as one more.
  if (visitErrors.length > 0) errors.push(aggregate(visitErrors)!)
  if (errors.length > 0) return fail(settings.warnings + checkErrText(errors.length === 1 ? errors[0]! : aggregate(errors)!), stdout)
  if (count === 0) return fail(settings.warnings + checkErrText(plain('no objects passed to create')), stdout)
  return ok(stdout, settings.warnings)
}
