// `kubectl create namespace NAME`, after kubectl pkg/cmd/create/create_namespace.go (v0.32.5). Its create error
// is printed as the server's (no "failed to create" wrapping, unlike the other subcommands).

import type { KubeObject } from '../../../../kube'
import type { FlagValues } from '../../../../gostd/pflag'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command, Globals } from '../../command'
import { CREATE_FLAGS, completeSubcommand, runGenerated } from '../create-options'
import { NAMESPACES } from '../kinds'
import { HELP } from './help'

export const createNamespaceCommand: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  group: '',
  flags: CREATE_FLAGS,
  help: HELP,
  run: runCreateNamespace,
}

function runCreateNamespace(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const completed = completeSubcommand(args, flags, globals, 'kubectl create namespace', CREATE_FLAGS)
  if ('error' in completed) return fail(completed.error)
  if (completed.name === '') return fail('error: name must be specified\n')
  return runGenerated(io, completed.settings, { ref: NAMESPACES, object: namespaceFor(completed.name), namespace: '' })
}

export function namespaceFor(name: string): KubeObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, spec: {}, status: {} } as unknown as KubeObject
}
