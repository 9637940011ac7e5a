// What `rollout pause`, `resume` and `restart` share (kubectl pkg/cmd/rollout/rollout_pause.go, rollout_resume.go,
// rollout_restart.go and polymorphichelpers objectpauser.go, objectresumer.go, objectrestarter.go, v0.32.5): for
// each object, the helper's change as a strategic merge patch (CreateTwoWayMergePatch of before and after), sent
// unless empty, and `kind/name <operation>`. A kind without the helper, or an object the helper refuses, is
// `<resource> "name" <reason>`, collected for the end.

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { createTwoWayMergePatch } from '../../../engine'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from '../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { kindSlashName } from '../../mapping'
import { fieldManagerFlag, flagNotYet, notYetError, type Globals } from '../command'
import type { Deployment } from './replicasets'
import { TARGET_FLAGS, groupResourceName, targets } from './targets'

export const PATCHER_FLAGS: FlagSpec[] = [
  ...TARGET_FLAGS,
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-rollout' },
  { long: 'output', short: 'o', type: 'string', notYet: true },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string', notYet: true },
]

export interface ObjectPatcher {
  /** `paused`, `resumed`, `restarted`. */
  operation: string
  /** The refusal for a kind without the helper: `pausing is not supported`. */
  unsupported: string
  /** The deployment as the helper changes it, or the helper's refusal (`is already paused`). */
  change(d: Deployment, io: KubectlIO): Deployment | { refusal: string }
  /** The error for an object the helper left unchanged (an empty patch). */
  unchanged(name: string): string
}

export function runObjectPatcher(p: ObjectPatcher, io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  if (args.length === 0 && ((flags.filename as string[] | undefined) ?? []).length === 0) return fail('error: required resource not specified\n')
  const notYet = flagNotYet(PATCHER_FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  const found = targets(io, args, flags, globals)
  if ('stderr' in found) return fail(found.stderr)
  let out = ''
  const errors: CliError[] = [...found.errors]
  for (const { ref, object } of found.targets) {
    const name = object.metadata.name ?? ''
    if (ref.kind !== 'Deployment') {
      errors.push(plain(`${groupResourceName(ref, name)} ${p.unsupported}`))
      continue
    }
    const changed = p.change(structuredClone(object) as Deployment, io)
    if ('refusal' in changed) {
      errors.push(plain(`${groupResourceName(ref, name)} ${changed.refusal}`))
      continue
    }
    const patch = createTwoWayMergePatch(object, changed, 'apps.v1.Deployment')
    if (Object.keys(patch).length === 0) {
      errors.push(plain(p.unchanged(name)))
      continue
    }
    try {
      io.engine.patch(ref.resource, object.metadata.namespace, name, 'strategic', patch, { fieldManager: fieldManagerFlag(PATCHER_FLAGS, flags) })
    } catch (e) {
      errors.push(fromThrown(e))
      continue
    }
    out += `${kindSlashName(ref, name)} ${p.operation}\n`
  }
  const err = aggregate(errors)
  return err ? fail(checkErrText(err), out) : ok(out)
}
