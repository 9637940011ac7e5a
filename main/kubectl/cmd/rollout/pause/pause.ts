// `kubectl rollout pause (TYPE NAME | TYPE/NAME | -f FILE | TYPE -l SEL)`, after kubectl
// pkg/cmd/rollout/rollout_pause.go and polymorphichelpers/objectpauser.go (v0.32.5): spec.paused set.

import type { Command } from '../../command'
import { PATCHER_FLAGS, runObjectPatcher, type ObjectPatcher } from '../object-patcher'
import { HELP } from './help'

const PAUSER: ObjectPatcher = {
  operation: 'paused',
  unsupported: 'pausing is not supported',
  change: (d) => (d.spec.paused ? { refusal: 'is already paused' } : { ...d, spec: { ...d.spec, paused: true } }),
  unchanged: (name) => `deployments.apps ${JSON.stringify(name)} is already paused`,
}

export const rolloutPauseCommand: Command = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  group: '',
  flags: PATCHER_FLAGS,
  help: HELP,
  run: (io, args, flags, globals) => runObjectPatcher(PAUSER, io, args, flags, globals),
}
