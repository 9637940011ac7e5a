// `kubectl rollout history (TYPE NAME | TYPE/NAME | -f FILE | TYPE -l SEL) [--revision=N]`, after kubectl
// pkg/cmd/rollout/rollout_history.go (v0.32.5): for each deployment, `kind/name ` and its history as the name
// printer's operation (so the table starts on the next line and a blank line follows it).
//
// Not supported yet: -o (the printed history object), and the daemonset and statefulset history viewers.

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { aggregate, checkErrText, plain } from '../../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../../io'
import { kindSlashName } from '../../../mapping'
import { flagNotYet, notYetError, type Command, type Globals } from '../../command'
import type { Deployment } from '../replicasets'
import { groupKindString, TARGET_FLAGS, targets } from '../targets'
import { deploymentHistory } from '../viewers'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  ...TARGET_FLAGS,
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'output', short: 'o', type: 'string', notYet: true },
  { long: 'revision', type: 'int' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string', notYet: true },
]

export const rolloutHistoryCommand: Command = {
  name: 'history',
  short: 'View rollout history',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runHistory,
}

function runHistory(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  if (args.length === 0 && ((flags.filename as string[] | undefined) ?? []).length === 0) return fail('error: required resource not specified\n')
  const revision = (flags.revision as number | undefined) ?? 0
  if (revision < 0) return fail('error: revision must be a positive integer\n')
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  const found = targets(io, args, flags, globals)
  if ('stderr' in found) return fail(found.stderr)
  let out = ''
  const errors = [...found.errors]
  for (const { ref, object } of found.targets) {
    if (ref.kind !== 'Deployment') {
      errors.push(plain(`no history viewer has been implemented for ${JSON.stringify(groupKindString(ref))}`))
      continue
    }
    const history = deploymentHistory(io, object as Deployment, revision)
    if ('error' in history) {
      errors.push(plain(history.error))
      continue
    }
    const name = kindSlashName(ref, object.metadata.name ?? '')
    out += revision > 0 ? `${name} with revision #${revision}\n${history.text}\n` : `${name} \n${history.text}\n`
  }
  const err = aggregate(errors)
  return err ? fail(checkErrText(err), out) : ok(out)
}
