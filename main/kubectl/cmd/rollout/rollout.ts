// `kubectl rollout SUBCOMMAND`, after kubectl pkg/cmd/rollout/rollout.go (v0.32.5): without a subcommand it
// prints its help and fails (cmdutil.DefaultSubCommandRun).

import { fail, type KubectlResult } from '../../io'
import type { Command } from '../command'
import { HELP } from './help'
import { rolloutHistoryCommand } from './history/history'
import { rolloutPauseCommand } from './pause/pause'
import { rolloutRestartCommand } from './restart/restart'
import { rolloutResumeCommand } from './resume/resume'
import { rolloutStatusCommand } from './status/status'
import { rolloutUndoCommand } from './undo/undo'

export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  group: 'Deploy Commands:',
  flags: [],
  help: HELP,
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
  run: (): KubectlResult => fail('', HELP),
}
