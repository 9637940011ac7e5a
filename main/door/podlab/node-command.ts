// `podlab node add NAME [--cpu N] [--memory Q] [--pods N] [--labels k=v,...] [--taints k=v:Effect,...]` and
// `podlab node delete NAME`: a node for a class or a benchmark, created through the Engine as a Node with the
// given capacity in its status (as KWOK's nodes are made), so it is recorded like any command; its simulated
// kubelet fills in the rest (the worker's shape for what is not given). Flags are read as kubectl reads its own
// (pflag); the API server validates the node with upstream's texts (negative quantities, label and taint keys).
// `podlab node stop|start|partition|heal NAME`: the Engine's powerNode, a recorded command.

import { canonicalQuantity } from '../../gostd/quantity-canonical'
import { parseFlags, parseInt64, type FlagSpec } from '../../gostd/pflag'
import { NodePowerUnchanged, type Engine, type NodeOperation } from '../../engine'
import { checkErrText, fromThrown } from '../../kubectl/errors'

const FLAGS: FlagSpec[] = [
  { long: 'cpu', type: 'string' },
  { long: 'memory', type: 'string' },
  { long: 'pods', type: 'string' },
  { long: 'labels', type: 'string' },
  { long: 'taints', type: 'string' },
]

/** The kubelet's maxPods is an int32. */
const MAX_PODS = 2 ** 31 - 1
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

export const NODE_USAGE = `Usage:
  podlab node add NAME [--cpu N] [--memory Q] [--pods N] [--labels k=v,...] [--taints k=v:Effect,...]
  podlab node delete NAME
  podlab node stop NAME        power the node off: its kubelet goes silent and its containers are gone
  podlab node start NAME       power it on again: its kubelet registers and runs its pods afresh
  podlab node partition NAME   cut it off from the control plane: its containers keep running
  podlab node heal NAME        reconnect it
`

interface Output {
  stdout: string
  stderr: string
  exitCode: number
}

const failed = (message: string): Output => ({ stdout: '', stderr: `error: ${message}\n`, exitCode: 1 })

function quantity(flag: string, value: string, example: string): string | Error {
  const q = canonicalQuantity(value)
  return q.ok ? value : new Error(`--${flag} must be a quantity such as ${example}, got "${value}": ${q.error}`)
}

/** `k=v,k2=v2` as kubectl label reads each pair; an empty value is allowed (`k=`). */
function parseLabels(spec: string): Record<string, string> | Error {
  const labels: Record<string, string> = {}
  for (const pair of spec.split(',')) {
    const at = pair.indexOf('=')
    if (at <= 0) return new Error(`invalid label spec: ${pair}`)
    labels[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return labels
}

/** `k=v:Effect,k:Effect` as kubectl taint's parseTaint reads each one (here an effect is required). */
function parseTaints(spec: string): Array<{ key: string; value?: string; effect: string }> | Error {
  const taints = []
  for (const one of spec.split(',')) {
    const parts = one.split(':')
    if (parts.length !== 2) return new Error(`invalid taint spec: ${one}`)
    const [kv = '', effect = ''] = parts
    if (!TAINT_EFFECTS.includes(effect)) return new Error(`invalid taint effect: ${effect}, unsupported taint effect`)
    const kvParts = kv.split('=')
    if (kvParts.length > 2) return new Error(`invalid taint spec: ${one}`)
    const [key = '', value] = kvParts
    taints.push(value === undefined ? { key, effect } : { key, value, effect })
  }
  return taints
}

/** The Node `node add` sends, or the reason its arguments are wrong. */
export function nodeManifest(args: string[]): Record<string, unknown> | Error {
  const parsed = parseFlags(args, FLAGS)
  if (!parsed.ok) return new Error(parsed.error)
  if (parsed.args.length !== 1) return new Error(`node add takes one NAME\n${NODE_USAGE}`)
  const flags = parsed.flags as Record<string, string | undefined>
  const capacity: Record<string, string> = {}
  if (flags.cpu !== undefined) {
    const cpu = quantity('cpu', flags.cpu, '4 or 500m')
    if (cpu instanceof Error) return cpu
    capacity.cpu = cpu
  }
  if (flags.memory !== undefined) {
    const memory = quantity('memory', flags.memory, '8Gi')
    if (memory instanceof Error) return memory
    capacity.memory = memory
  }
  if (flags.pods !== undefined) {
    const pods = parseInt64(flags.pods)
    if (typeof pods !== 'number' || pods < 0 || pods > MAX_PODS) return new Error(`--pods must be a whole number from 0 to ${MAX_PODS}, got "${flags.pods}"`)
    capacity.pods = String(pods)
  }
  const metadata: Record<string, unknown> = { name: parsed.args[0] }
  if (flags.labels !== undefined) {
    const labels = parseLabels(flags.labels)
    if (labels instanceof Error) return labels
    metadata.labels = labels
  }
  const spec: Record<string, unknown> = {}
  if (flags.taints !== undefined) {
    const taints = parseTaints(flags.taints)
    if (taints instanceof Error) return taints
    spec.taints = taints
  }
  return { apiVersion: 'v1', kind: 'Node', metadata, spec, ...(Object.keys(capacity).length > 0 ? { status: { capacity } } : {}) }
}

const POWER_WORDS: Record<NodeOperation, string> = { stop: 'stopped', start: 'started', partition: 'partitioned', heal: 'healed' }

/** Runs `podlab node ARGS` on `engine`: `node/NAME created`, `node "NAME" deleted`, `node/NAME stopped (stopped)`, or kubectl's error text. */
export function runNodeCommand(engine: Engine, args: string[]): Output {
  const [verb, ...rest] = args
  try {
    if (verb === 'add') {
      const manifest = nodeManifest(rest)
      if (manifest instanceof Error) return failed(manifest.message)
      const created = engine.create(manifest)
      return { stdout: `node/${created.metadata.name} created\n`, stderr: '', exitCode: 0 }
    }
    if (verb === 'stop' || verb === 'start' || verb === 'partition' || verb === 'heal') {
      if (rest.length !== 1 || rest[0]?.startsWith('-')) return failed(`node ${verb} takes one NAME\n${NODE_USAGE}`)
      engine.powerNode(rest[0] as string, verb)
      return { stdout: `node/${rest[0]} ${POWER_WORDS[verb]}\n`, stderr: '', exitCode: 0 }
    }
    if (verb === 'delete') {
      if (rest.length !== 1 || rest[0]?.startsWith('-')) return failed(`node delete takes one NAME\n${NODE_USAGE}`)
      engine.delete('nodes', undefined, rest[0] as string)
      return { stdout: `node "${rest[0]}" deleted\n`, stderr: '', exitCode: 0 }
    }
  } catch (e) {
    if (e instanceof NodePowerUnchanged) return failed(e.message)
    return { stdout: '', stderr: checkErrText(fromThrown(e)), exitCode: 1 }
  }
  return failed(`unknown node command${verb ? ` "${verb}"` : ''}\n${NODE_USAGE}`)
}
