// What `kubectl cordon|uncordon|drain` share, after kubectl pkg/cmd/drain/drain.go (v0.32.5): Complete (the nodes
// the arguments or -l name, through the resource builder's ResourceNames("nodes", args...)) and
// RunCordonOrUncordon with pkg/drain/cordon.go's CordonHelper (a node already as asked is left alone; otherwise
// spec.unschedulable is patched with the two-way strategic merge patch kubectl computes: {"spec":
// {"unschedulable":true}}, and null to uncordon, as false is omitted). A node that cannot be patched is reported
// on stderr and the others go on; the command still exits 0, as the real one does.

import type { KubeObject } from '../../../kube'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { checkErrText, errorString, fromThrown } from '../../errors'
import type { KubectlIO } from '../../io'
import { buildVisits, list } from '../../resource/builder'
import { dryRunStrategy, dryRunSuffix, serverDryRun, usageError, type DryRun } from '../create/create-options'

/** The flags cordon and uncordon have (drain adds its own). */
export const NODE_FLAGS: FlagSpec[] = [
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'selector', short: 'l', type: 'string' },
]

export interface NodeTargets {
  nodes: KubeObject[]
  dryRun: DryRun
  /** What kubectl wrote to stderr on the way (a deprecated --dry-run form). */
  warnings: string
}


/**
 * DrainCmdOptions.Complete for `verb` ("cordon", "uncordon", "drain"): the nodes to act on, in the order named
 * (by name: one GET each; by -l: a LIST). Returns kubectl's stderr text for a usage error, a bad --dry-run, a
 * node that is not found or a type that is not a node.
 */
export function completeNodes(io: KubectlIO, verb: string, args: string[], flags: FlagValues): NodeTargets | { error: string } {
  const selector = flags.selector as string | undefined
  if (args.length === 0 && selector === undefined) return { error: usageError(`kubectl ${verb}`, `USAGE: ${verb} NODE [flags]`) }
  if (args.length > 0 && selector) return { error: usageError(`kubectl ${verb}`, 'cannot specify both a node name and a --selector option') }
  const dryRun = dryRunStrategy(flags)
  if ('error' in dryRun) return dryRun

  // ResourceNames("nodes", args...): a bare name is a node; TYPE/NAME is taken as it is.
  const built = buildVisits(io, {
    namespace: 'default',
    enforceNamespace: false,
    allNamespaces: false,
    filenames: [],
    selector: selector || undefined,
    selectAll: false,
    allowEmptySelector: false,
    args: selector ? ['nodes'] : args.map((a) => (a.includes('/') ? a : `nodes/${a}`)),
  })
  if ('stderr' in built) return { error: built.stderr }
  if ('error' in built) return { error: checkErrText(built.error) }
  const nodes: KubeObject[] = []
  try {
    for (const visit of built.visits) {
      if (visit.ref.resource !== 'nodes' || visit.ref.group !== '') {
        return { error: `error: expected resource of type node, got "${visit.ref.group}/${visit.ref.version}, Resource=${visit.ref.resource}"\n` }
      }
      if (visit.kind === 'list') nodes.push(...list(io, visit))
      else nodes.push(io.engine.get('nodes', undefined, visit.name))
    }
  } catch (e) {
    return { error: checkErrText(fromThrown(e)) }
  }
  return { nodes, dryRun: dryRun.dryRun, warnings: dryRun.warning }
}

/**
 * RunCordonOrUncordon: `node/x cordoned` (or `already cordoned`, `uncordoned`, `already uncordoned`) on stdout
 * for each node, `error: unable to cordon node "x": ...` on stderr for one whose PATCH failed.
 */
export function cordonOrUncordon(io: KubectlIO, targets: NodeTargets, desired: boolean): { stdout: string; stderr: string } {
  const verb = desired ? 'cordon' : 'uncordon'
  let stdout = ''
  let stderr = ''
  for (const node of targets.nodes) {
    const name = node.metadata.name ?? ''
    const spec = (node.spec ?? {}) as { unschedulable?: boolean }
    if ((spec.unschedulable === true) === desired) {
      stdout += `node/${name} already ${verb}ed${dryRunSuffix(targets.dryRun)}\n`
      continue
    }
    if (targets.dryRun !== 'client') {
      try {
        // cordon.go PatchOrReplaceWithContext(..., serverDryRun): the PATCH with dryRun=All; CordonHelper sends no
        // fieldManager, so the apiserver records kubectl's user-agent prefix.
        io.engine.patch('nodes', undefined, name, 'strategic', { spec: { unschedulable: desired ? true : null } }, { fieldManager: 'kubectl', ...serverDryRun(targets.dryRun) })
      } catch (e) {
        stderr += `error: unable to ${verb} node ${JSON.stringify(name)}: ${errorString(fromThrown(e))}\n`
        continue
      }
    }
    stdout += `node/${name} ${verb}ed${dryRunSuffix(targets.dryRun)}\n`
  }
  return { stdout, stderr }
}
