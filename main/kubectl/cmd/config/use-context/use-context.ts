// `kubectl config use-context CONTEXT_NAME` (alias `use`), after kubectl pkg/cmd/config/use_context.go (v0.32.5):
// one name (helpErrorf otherwise), which must be a context of the kubeconfig. Podlab's kubeconfig has the one
// context `podlab`, already current: switching to it changes nothing, as in a real kubeconfig.

import type { FlagValues } from '../../../../gostd/pflag'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command } from '../../command'
import { PODLAB_CONTEXT } from '../kubeconfig'
import { HELP } from './help'

export const configUseContextCommand: Command = {
  name: 'use-context',
  short: 'Set the current-context in a kubeconfig file',
  group: '',
  aliases: ['use'],
  flags: [],
  help: HELP,
  run: runUseContext,
}

function runUseContext(_io: KubectlIO, args: string[], _flags: FlagValues): KubectlResult {
  // complete: helpErrorf prints the help on stdout, then the error.
  if (args.length !== 1) return fail(`error: Unexpected args: [${args.join(' ')}]\n`, HELP)
  const name = args[0]!
  // validate.
  if (name === '') return fail('error: empty context names are not allowed\n')
  if (name !== PODLAB_CONTEXT) return fail(`error: no context exists with the name: ${JSON.stringify(name)}\n`)
  return ok(`Switched to context ${JSON.stringify(name)}.\n`)
}
