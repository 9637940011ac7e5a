// `kubectl expose (-f FILE | TYPE NAME) [--port=P] [--target-port=P] [--type=T] [--name=N]`, after kubectl
// pkg/cmd/expose/expose.go (v0.32.5): the builder's argument errors as kubectl prints them; then, since Podlab
// serves no Services, it says so and creates nothing.

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { checkErrText, fromThrown } from '../../errors'
import { fail, type KubectlIO, type KubectlResult } from '../../io'
import { buildVisits } from '../../resource/builder'
import type { Command, Globals } from '../command'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true },
  { long: 'cluster-ip', type: 'string' },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'external-ip', type: 'string' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-expose' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string' },
  { long: 'labels', short: 'l', type: 'string' },
  { long: 'load-balancer-ip', type: 'string' },
  { long: 'name', type: 'string' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'override-type', type: 'string', defValue: 'merge' },
  { long: 'overrides', type: 'string' },
  { long: 'port', type: 'string' },
  { long: 'protocol', type: 'string' },
  { long: 'recursive', short: 'R', type: 'bool' },
  { long: 'save-config', type: 'bool' },
  { long: 'selector', type: 'string' },
  { long: 'session-affinity', type: 'string' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'target-port', type: 'string' },
  { long: 'template', type: 'string' },
  { long: 'type', type: 'string' },
]

export const exposeCommand: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  group: 'Basic Commands (Beginner):',
  flags: FLAGS,
  help: HELP,
  run: runExpose,
}

/** What Podlab answers once kubectl's own checks pass. */
export const NO_SERVICES = 'error: Podlab does not simulate Services yet, so kubectl expose has nothing to create\n'

function runExpose(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces: false,
    filenames: (flags.filename as string[] | undefined) ?? [],
    selectAll: false,
    allowEmptySelector: false,
    args,
  })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))
  // The builder's visit GETs each object named by argument first (expose.go RunExpose's r.Visit): `expose pod nope`
  // is kubectl's NotFound, before anything Podlab lacks.
  for (const visit of built.visits) {
    if (visit.kind !== 'named' || visit.object !== undefined) continue
    try {
      io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group)
    } catch (e) {
      return fail(checkErrText(fromThrown(e)))
    }
  }
  return fail(NO_SERVICES)
}
