// `kubectl top pod|node`, after kubectl pkg/cmd/top/top.go (v0.32.5): the parent runs DefaultSubCommandRun (its
// help on stderr and exit 1; an argument that names no subcommand is a usage error). Podlab serves
// metrics.k8s.io/v1beta1 itself (PodMetrics, NodeMetrics, as metrics-server 0.7), so `error: Metrics API not
// available` never comes.

import { fail, type KubectlResult } from '../../io'
import { usageError } from '../create/create-options'
import type { Command } from '../command'
import { HELP } from './help'
import { topNodeCommand } from './node/node'
import { topPodCommand } from './pod/pod'

export const topCommand: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  group: 'Cluster Management Commands:',
  flags: [],
  help: HELP,
  subcommands: [topNodeCommand, topPodCommand],
  run: (_io, args): KubectlResult => (args.length > 0 ? fail(usageError('kubectl top', `unknown command "${args[0]}"`)) : fail(HELP)),
}
