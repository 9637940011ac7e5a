// `kubectl rollout status (TYPE NAME | TYPE/NAME | -f FILE) [--revision=N] [-w=false]`, after kubectl
// pkg/cmd/rollout/rollout_status.go (v0.32.5): the status line of the deployment now; then, unless it is done or
// --watch=false, a Follow that prints the line again at each change of the deployment (the watch with a
// metadata.name field selector the real kubectl opens) until it is rolled out (exit 0), fails its progress deadline
// or is deleted (exit 1). The host runs the clock while it follows.
//
// Not supported yet: --timeout, and the daemonset and statefulset viewers (Podlab serves neither kind).

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { checkErrText } from '../../../errors'
import { fail, ok, type Follow, type KubectlIO, type KubectlResult } from '../../../io'
import { flagNotYet, notYetError, type Command, type Globals } from '../../command'
import type { Deployment } from '../replicasets'
import { groupKindString, TARGET_FLAGS, targets } from '../targets'
import { deploymentStatus } from '../viewers'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  ...TARGET_FLAGS,
  { long: 'revision', type: 'int' },
  { long: 'timeout', type: 'string', defValue: '0s', notYet: true },
  { long: 'watch', short: 'w', type: 'bool', defValue: true },
]

export const rolloutStatusCommand: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runStatus,
}

function runStatus(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  if (args.length === 0 && ((flags.filename as string[] | undefined) ?? []).length === 0) return fail('error: required resource not specified\n')
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  const revision = (flags.revision as number | undefined) ?? 0
  if (revision < 0) return fail('error: revision must be a positive integer\n')
  const found = targets(io, args, flags, globals)
  if ('stderr' in found) return fail(found.stderr)
  if (found.errors.length > 0) return fail(checkErrText(found.errors[0]!))
  if (found.targets.length !== 1) return fail('error: rollout status is only supported on individual resources and resource collections\n')
  const { ref, object } = found.targets[0]!
  if (ref.kind !== 'Deployment') return fail(`error: no status viewer has been implemented for ${groupKindString(ref)}\n`)
  const first = deploymentStatus(object as Deployment, revision)
  if ('error' in first) return fail(`error: ${first.error}\n`)
  if (first.done || flags.watch === false) return ok(first.text)
  return { ...ok(first.text), follow: following(io, object as Deployment, revision) }
}

/** UntilWithSync over the deployment's watch: a status line per change, done when the viewer says so. */
function following(io: KubectlIO, d: Deployment, revision: number): Follow {
  return {
    start(write, end) {
      const from = d.metadata.resourceVersion
      let stopped = false
      const stop = io.engine.watch(from, (event) => {
        if (stopped || event.object.kind !== 'Deployment' || event.object.metadata.name !== d.metadata.name || event.object.metadata.namespace !== d.metadata.namespace) return
        if (event.type === 'DELETED') return finish(() => write('stderr', 'error: object has been deleted\n'), 1)
        const status = deploymentStatus(event.object as Deployment, revision)
        if ('error' in status) return finish(() => write('stderr', `error: ${status.error}\n`), 1)
        write('stdout', status.text)
        if (status.done) finish(() => undefined, 0)
      })
      function finish(last: () => void, code: number) {
        last()
        stopped = true
        stop()
        end(code)
      }
      return () => {
        stopped = true
        stop()
      }
    },
  }
}
