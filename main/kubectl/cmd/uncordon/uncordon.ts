// `kubectl uncordon NODE | -l SELECTOR [--dry-run=client|server]`, after kubectl pkg/cmd/drain/drain.go NewCmdUncordon (v0.32.5):
// Complete, then RunCordonOrUncordon(false) (../drain/nodes.ts).

import type { FlagValues } from '../../../gostd/pflag'
import type { KubectlIO, KubectlResult } from '../../io'
import { completeNodes, cordonOrUncordon, NODE_FLAGS } from '../drain/nodes'
import type { Command } from '../command'
import { HELP } from './help'

export const uncordonCommand: Command = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  group: 'Cluster Management Commands:',
  flags: NODE_FLAGS,
  help: HELP,
  run: runUncordon,
}

function runUncordon(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  const targets = completeNodes(io, 'uncordon', args, flags)
  if ('error' in targets) return { stdout: '', stderr: targets.error, exitCode: 1 }
  const out = cordonOrUncordon(io, targets, false)
  return { stdout: out.stdout, stderr: targets.warnings + out.stderr, exitCode: 0 }
}
