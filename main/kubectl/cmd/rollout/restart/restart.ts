// `kubectl rollout restart (TYPE NAME | TYPE/NAME | -f FILE | TYPE -l SEL)`, after kubectl
// pkg/cmd/rollout/rollout_restart.go and polymorphichelpers/objectrestarter.go (v0.32.5): the pod template gets
// the annotation kubectl.kubernetes.io/restartedAt = now (RFC 3339, the cluster's virtual clock where the real
// kubectl reads its own), which makes the deployment roll out new pods.

import type { Command } from '../../command'
import { PATCHER_FLAGS, runObjectPatcher, type ObjectPatcher } from '../object-patcher'
import { HELP } from './help'

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt'

const RESTARTER: ObjectPatcher = {
  operation: 'restarted',
  unsupported: 'restarting is not supported',
  change(d, io) {
    if (d.spec.paused) return { refusal: "can't restart paused deployment (run rollout resume first)" }
    const metadata = d.spec.template.metadata ?? {}
    const annotations = { ...metadata.annotations, [RESTARTED_AT]: io.engine.clock().now }
    return { ...d, spec: { ...d.spec, template: { ...d.spec.template, metadata: { ...metadata, annotations } } } }
  },
  // rollout_restart.go: the same second's restart again makes no patch.
  unchanged: (name) => `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
}

export const rolloutRestartCommand: Command = {
  name: 'restart',
  short: 'Restart a resource',
  group: '',
  flags: PATCHER_FLAGS,
  help: HELP,
  run: (io, args, flags, globals) => runObjectPatcher(RESTARTER, io, args, flags, globals),
}
