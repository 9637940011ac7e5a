// `kubectl config current-context`, after kubectl pkg/cmd/config/current_context.go (v0.32.5): Podlab's
// kubeconfig's current context is always `podlab`.

import type { FlagValues } from '../../../../gostd/pflag'
import { ok, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command } from '../../command'
import { PODLAB_CONTEXT } from '../kubeconfig'
import { HELP } from './help'

export const configCurrentContextCommand: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  group: '',
  flags: [],
  help: HELP,
  run: (_io: KubectlIO, _args: string[], _flags: FlagValues): KubectlResult => ok(`${PODLAB_CONTEXT}\n`),
}
