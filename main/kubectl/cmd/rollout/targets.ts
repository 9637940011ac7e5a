// What every `kubectl rollout` subcommand acts on (pkg/cmd/rollout/*.go, v0.32.5): the builder's objects by
// TYPE NAME, TYPE/NAME, -f or -l, each fetched from the server (Latest), errors kept for the end as
// ContinueOnError keeps them.

import type { KubeObject } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { checkErrText, fromThrown, type CliError } from '../../errors'
import type { KubectlIO } from '../../io'
import { buildVisits, list } from '../../resource/builder'
import type { Globals } from '../command'

/** -f, -k, -R and -l, as every rollout subcommand has them. */
export const TARGET_FLAGS: FlagSpec[] = [
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string' },
]

export interface Target {
  ref: ResourceRef
  object: KubeObject
}

/** The objects to act on and the errors met finding them, or the error that stops before any request. */
export function targets(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): { targets: Target[]; errors: CliError[]; single: boolean } | { stderr: string } {
  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces: false,
    filenames: (flags.filename as string[] | undefined) ?? [],
    selector: flags.selector as string | undefined,
    selectAll: false,
    allowEmptySelector: true,
    args,
  })
  if ('stderr' in built) return { stderr: built.stderr }
  if ('error' in built) return { stderr: checkErrText(built.error) }
  const found: Target[] = []
  const errors = [...built.errors]
  for (const visit of built.visits) {
    try {
      if (visit.kind === 'list') found.push(...list(io, visit).map((object) => ({ ref: visit.ref, object })))
      else found.push({ ref: visit.ref, object: io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group) })
    } catch (e) {
      errors.push(fromThrown(e))
    }
  }
  return { targets: found, errors, single: built.singleItemImplied }
}

/** `deployments.apps "x"`: schema.GroupResource and the name, as the subcommands prefix their refusals. */
export function groupResourceName(ref: ResourceRef, name: string): string {
  return `${ref.group ? `${ref.resource}.${ref.group}` : ref.resource} ${JSON.stringify(name)}`
}

/** schema.GroupKind's String(): `Job.batch`, `Pod` (how the rollout verbs name a kind they have no viewer for). */
export function groupKindString(ref: ResourceRef): string {
  return ref.group ? `${ref.kind}.${ref.group}` : ref.kind
}
