// `kubectl autoscale (-f FILE | TYPE NAME | TYPE/NAME) [--min=N] --max=N [--cpu-percent=P]`, after kubectl
// pkg/cmd/autoscale/autoscale.go (v0.32.5): cobra's required --max, Validate's words and the builder's argument
// errors as kubectl prints them; then, since Podlab serves no HorizontalPodAutoscalers, it says so and creates
// nothing.

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { checkErrText } from '../../errors'
import { fail, type KubectlIO, type KubectlResult } from '../../io'
import { buildVisits } from '../../resource/builder'
import type { Command, Globals } from '../command'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true },
  { long: 'cpu-percent', type: 'int32', defValue: -1 },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-autoscale' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string' },
  { long: 'max', type: 'int32', defValue: -1 },
  { long: 'min', type: 'int32', defValue: -1 },
  { long: 'name', type: 'string' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'recursive', short: 'R', type: 'bool' },
  { long: 'save-config', type: 'bool' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string' },
]

export const autoscaleCommand: Command = {
  name: 'autoscale',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  group: 'Deploy Commands:',
  flags: FLAGS,
  help: HELP,
  run: runAutoscale,
}

/** What Podlab answers once kubectl's own checks pass. */
export const NO_HPA = 'error: Podlab does not simulate HorizontalPodAutoscalers yet, so kubectl autoscale has nothing to create; use kubectl scale to set the replicas\n'

function runAutoscale(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  if (flags.max === undefined) return fail('error: required flag(s) "max" not set\n')
  const max = flags.max as number
  const min = (flags.min as number | undefined) ?? -1
  if (max < 1) return fail(`error: --max=MAXPODS is required and must be at least 1, max: ${max}\n`)
  if (max < min) return fail(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}\n`)
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
  return fail(NO_HPA)
}
