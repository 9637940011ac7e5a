// `kubectl rollout resume (TYPE NAME | TYPE/NAME | -f FILE | TYPE -l SEL)`, after kubectl
// pkg/cmd/rollout/rollout_resume.go and polymorphichelpers/objectresumer.go (v0.32.5): spec.paused cleared (it is
// omitempty, so the patch is `{"spec":{"paused":null}}`).

import type { Command } from '../../command'
import { PATCHER_FLAGS, runObjectPatcher, type ObjectPatcher } from '../object-patcher'
import { HELP } from './help'

const RESUMER: ObjectPatcher = {
  operation: 'resumed',
  unsupported: 'resuming is not supported',
  change(d) {
    if (!d.spec.paused) return { refusal: 'is not paused' }
    const { paused: _paused, ...spec } = d.spec
    return { ...d, spec }
  },
  unchanged: (name) => `deployments.apps ${JSON.stringify(name)} is not paused`,
}

export const rolloutResumeCommand: Command = {
  name: 'resume',
  short: 'Resume a paused resource',
  group: '',
  flags: PATCHER_FLAGS,
  help: HELP,
  run: (io, args, flags, globals) => runObjectPatcher(RESUMER, io, args, flags, globals),
}
