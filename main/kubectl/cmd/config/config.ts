// `kubectl config SUBCOMMAND`, after kubectl pkg/cmd/config/config.go (v0.32.5): the kubeconfig of Podlab's
// door (kubeconfig.ts). Without a subcommand it prints its help on stderr and fails (cmdutil.DefaultSubCommandRun).

import { fail, type KubectlResult } from '../../io'
import type { Command } from '../command'
import { configCurrentContextCommand } from './current-context/current-context'
import { configGetClustersCommand } from './get-clusters/get-clusters'
import { configGetContextsCommand } from './get-contexts/get-contexts'
import { configGetUsersCommand } from './get-users/get-users'
import { HELP } from './help'
import { configSetContextCommand } from './set-context/set-context'
import { configUseContextCommand } from './use-context/use-context'
import { configViewCommand } from './view/view'

/** config's Available Commands Podlab does not have yet (they change kubeconfig entries it keeps fixed). */
const NOT_YET: Record<string, string[]> = {
  'delete-cluster': [], 'delete-context': [], 'delete-user': [], 'rename-context': [], set: [], 'set-cluster': [], 'set-credentials': [],
  unset: [],
}

export const configCommand: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  group: 'Other Commands:',
  flags: [],
  help: HELP,
  subcommands: [configCurrentContextCommand, configGetClustersCommand, configGetContextsCommand, configGetUsersCommand, configSetContextCommand, configUseContextCommand, configViewCommand],
  notYetSubcommands: NOT_YET,
  run: (_io, args): KubectlResult =>
    args.length > 0 ? fail(`error: unknown command ${JSON.stringify(args[0])}\nSee 'kubectl config -h' for help and examples\n`) : fail(HELP),
}
