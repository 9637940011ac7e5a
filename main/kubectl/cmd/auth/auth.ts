// `kubectl auth SUBCOMMAND`, after kubectl pkg/cmd/auth/auth.go (v0.32.5). Without a subcommand it prints its
// help on stderr and fails (cmdutil.DefaultSubCommandRun).

import { fail, type KubectlResult } from '../../io'
import type { Command } from '../command'
import { authCanICommand } from './can-i/can-i'
import { HELP } from './help'

export const authCommand: Command = {
  name: 'auth',
  short: 'Inspect authorization',
  group: 'Troubleshooting and Debugging Commands:',
  flags: [],
  help: HELP,
  subcommands: [authCanICommand],
  notYetSubcommands: { reconcile: [], whoami: [] },
  run: (_io, args): KubectlResult =>
    args.length > 0 ? fail(`error: unknown command ${JSON.stringify(args[0])}\nSee 'kubectl auth -h' for help and examples\n`) : fail(HELP),
}
