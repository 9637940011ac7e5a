// `kubectl config set-context [NAME | --current] --namespace=NS`, after kubectl pkg/cmd/config/set_context.go
// (v0.32.5): Podlab's kubeconfig has the one context `podlab`, so what Podlab takes is changing its namespace
// (named, or as --current); a new context, or another cluster or user, is not supported yet.

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../../io'
import { flagNotYet, notYetError, type Command } from '../../command'
import { PODLAB_CONTEXT } from '../kubeconfig'
import { HELP } from './help'

// Its own --namespace (no -n: `set-context --current -n x` is pflag's unknown shorthand, as in kubectl).
const FLAGS: FlagSpec[] = [
  { long: 'cluster', type: 'string', notYet: true },
  { long: 'current', type: 'bool' },
  { long: 'namespace', type: 'string' },
  { long: 'user', type: 'string', notYet: true },
]

export const configSetContextCommand: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runSetContext,
}

function runSetContext(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  // complete: the one name, or --current.
  const current = flags.current === true
  // helpErrorf: the help on stdout, then the error.
  if (args.length > 1) return fail(`error: Unexpected args: [${args.join(' ')}]\n`, HELP)
  const name = args[0] ?? ''
  if (name !== '' && current) return fail('error: you cannot specify both a context name and --current\n')
  if (name === '' && !current) return fail('error: you must specify a non-empty context name or --current\n')
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  if (name !== '' && name !== PODLAB_CONTEXT) return fail(notYetError(`a context other than "${PODLAB_CONTEXT}"`))

  // run: modifyContext sets the namespace only when --namespace was given (flag Changed), '' clears it.
  const namespace = flags.namespace as string | undefined
  if (namespace !== undefined) {
    if (!io.kubeconfig) return fail('error: this Podlab door keeps no kubeconfig: its context cannot be modified here yet\n')
    try {
      io.kubeconfig.setNamespace(namespace)
    } catch (e) {
      if (e instanceof RangeError) return fail(`error: ${e.message}\n`)
      throw e
    }
  }
  return ok(`Context "${PODLAB_CONTEXT}" modified.\n`)
}
