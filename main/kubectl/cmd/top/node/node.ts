// `kubectl top node [NAME | -l label] [--sort-by=cpu|memory] [--no-headers] [--show-capacity]`, after kubectl
// pkg/cmd/top/top_node.go (v0.32.5): Complete -> Validate -> RunTopNode over metrics.k8s.io NodeMetrics, each
// node's share of its allocatable (or capacity) resources; a node without metrics (not Ready for a scrape window
// yet) is listed last with <unknown>.

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { checkErrText, fromThrown } from '../../../errors'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import { usageError } from '../../create/create-options'
import type { Command } from '../../command'
import { printNodeMetrics, type NodeMetrics, type Usage } from '../metrics-printer'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'no-headers', type: 'bool' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'show-capacity', type: 'bool' },
  { long: 'sort-by', type: 'string' },
  { long: 'use-protocol-buffers', type: 'bool', defValue: true },
]

export const topNodeCommand: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runTopNode,
}

function runTopNode(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  if (args.length > 1) return fail(usageError('kubectl top node', 'node [NAME | -l label]'))
  const name = args[0] ?? ''
  const sortBy = (flags['sort-by'] as string | undefined) ?? ''
  const selector = (flags.selector as string | undefined) ?? ''
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') return fail('error: --sort-by accepts only cpu or memory\n')
  if (name !== '' && selector !== '') return fail('error: only one of NAME or --selector can be provided\n')
  const options = selector ? { labelSelector: selector } : undefined
  try {
    const metrics = (name !== '' ? [io.engine.get('nodes', undefined, name, 'metrics.k8s.io')] : io.engine.list('nodes', undefined, options, 'metrics.k8s.io').items) as unknown as NodeMetrics[]
    if (metrics.length === 0) return fail('error: metrics not available yet\n')
    const nodes = name !== '' ? [io.engine.get('nodes', undefined, name)] : io.engine.list('nodes', undefined, options).items
    const available = new Map<string, Usage>()
    for (const n of nodes) {
      const status = (n.status ?? {}) as { allocatable?: Usage; capacity?: Usage }
      available.set(n.metadata.name ?? '', (flags['show-capacity'] === true ? status.capacity : status.allocatable) ?? {})
    }
    return { stdout: printNodeMetrics(metrics, available, { noHeaders: flags['no-headers'] === true, sortBy }), stderr: '', exitCode: 0 }
  } catch (e) {
    return fail(checkErrText(fromThrown(e)))
  }
}
