// `kubectl set SUBCOMMAND`, after kubectl pkg/cmd/set/set.go (v0.32.5): image, env and resources; without a
// subcommand its help goes to stderr and it fails (cmdutil.DefaultSubCommandRun(ErrOut)).

import { fail, type KubectlResult } from '../../io'
import type { Command } from '../command'
import { setEnvCommand } from './env/env'
import { HELP } from './help'
import { setImageCommand } from './image/image'
import { setResourcesCommand } from './resources/resources'

export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  group: 'Basic Commands (Beginner):',
  flags: [],
  help: HELP,
  subcommands: [setEnvCommand, setImageCommand, setResourcesCommand],
  notYetSubcommands: { selector: [], serviceaccount: ['sa'], subject: [] },
  run: (): KubectlResult => fail(HELP),
}
