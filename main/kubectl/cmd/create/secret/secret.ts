// `kubectl create secret (docker-registry | generic | tls)`, after kubectl pkg/cmd/create/create_secret.go
// (v0.32.5): alone it prints its help to stderr and fails (cmdutil.DefaultSubCommandRun); `generic` is Podlab's.

import type { KubectlIO, KubectlResult } from '../../../io'
import { fail } from '../../../io'
import type { Command } from '../../command'
import { goQuote } from '../../../../gostd/gofmt'
import { usageError } from '../create-options'
import { createSecretGenericCommand } from './generic/generic'
import { HELP } from './help'

export const createSecretCommand: Command = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  group: '',
  flags: [],
  help: HELP,
  subcommands: [createSecretGenericCommand],
  notYetSubcommands: { 'docker-registry': [], tls: [] },
  run: (_io: KubectlIO, args: string[]): KubectlResult =>
    args.length > 0 ? fail(usageError('kubectl create secret', `unknown command ${goQuote(args.join(' '))}`)) : fail(HELP),
}
