// `kubectl cordon NODE | -l SELECTOR [--dry-run=client|server]`, after kubectl pkg/cmd/drain/drain.go NewCmdCordon (v0.32.5):
// Complete, then RunCordonOrUncordon(true) (../drain/nodes.ts).

import type { FlagValues } from '../../../gostd/pflag'
import type { KubectlIO, KubectlResult } from '../../io'
import { completeNodes, cordonOrUncordon, NODE_FLAGS } from '../drain/nodes'
import type { Command } from '../command'
import { HELP } from './help'

export const cordonCommand: Command = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  group: 'Cluster Management Commands:',
  flags: NODE_FLAGS,
  help: HELP,
  run: runCordon,
}

function runCordon(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  const targets = completeNodes(io, 'cordon', args, flags)
  if ('error' in targets) return { stdout: '', stderr: targets.error, exitCode: 1 }
  const out = cordonOrUncordon(io, targets, true)
  return { stdout: out.stdout, stderr: targets.warnings + out.stderr, exitCode: 0 }
}
