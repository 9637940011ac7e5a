// `kubectl create serviceaccount NAME`, after kubectl pkg/cmd/create/create_serviceaccount.go (v0.32.5): Complete
// (NAME, dry run, printer), Validate (a name), Run. Podlab does not simulate ServiceAccounts yet: only
// --dry-run=client prints one.

import type { KubeObject } from '../../../../kube'
import type { FlagValues } from '../../../../gostd/pflag'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command, Globals } from '../../command'
import { CREATE_FLAGS, completeSubcommand, runGenerated } from '../create-options'
import { SERVICE_ACCOUNTS } from '../kinds'
import { HELP } from './help'

const PATH = 'kubectl create serviceaccount'

export const createServiceAccountCommand: Command = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  group: '',
  flags: CREATE_FLAGS,
  help: HELP,
  run: runCreateServiceAccount,
}

function runCreateServiceAccount(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const completed = completeSubcommand(args, flags, globals, PATH, CREATE_FLAGS)
  if ('error' in completed) return fail(completed.error)
  if (completed.name === '') return fail('error: name must be specified\n')
  return runGenerated(io, completed.settings, {
    ref: SERVICE_ACCOUNTS,
    object: serviceAccountFor(completed.name, globals.explicitNamespace ? globals.namespace : ''),
    namespace: globals.namespace,
    unserved: `error: Podlab does not simulate ServiceAccounts yet, so ${PATH} created nothing; --dry-run=client -o yaml prints the ServiceAccount it would send\n`,
  })
}

/** createServiceAccount: a name, and the namespace only with -n. */
export function serviceAccountFor(name: string, namespace: string): KubeObject {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null } } as unknown as KubeObject
}
