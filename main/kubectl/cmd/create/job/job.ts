// `kubectl create job NAME --image=I [-- COMMAND args]`, after kubectl pkg/cmd/create/create_job.go (v0.32.5).
// `--from=cronjob/NAME` needs CronJobs, which Podlab does not serve yet: it is refused after kubectl's own checks.

import type { KubeObject } from '../../../../kube'
import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import { notYetError, type Command, type Globals } from '../../command'
import { CREATE_FLAGS, completeSubcommand, runGenerated } from '../create-options'
import { BATCH_JOBS } from '../kinds'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [...CREATE_FLAGS, { long: 'from', type: 'string' }, { long: 'image', type: 'string' }]

export const createJobCommand: Command = {
  name: 'job',
  short: 'Create a job with the specified name',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runCreateJob,
}

function runCreateJob(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const completed = completeSubcommand(args, flags, globals, 'kubectl create job', FLAGS)
  if ('error' in completed) return fail(completed.error)
  const { name, settings } = completed
  const image = (flags.image as string | undefined) ?? ''
  const from = (flags.from as string | undefined) ?? ''
  const command = args.slice(1)
  // Validate.
  if ((image === '' && from === '') || (image !== '' && from !== '')) return fail('error: either --image or --from must be specified\n')
  if (command.length > 0 && from !== '') return fail('error: cannot specify --from and command\n')
  if (from !== '') return fail(`${notYetError('--from').trimEnd()}: it has no CronJobs\n`)
  const namespace = globals.explicitNamespace ? globals.namespace : ''
  return runGenerated(io, settings, { ref: BATCH_JOBS, object: jobFor(name, image, command, namespace), namespace: globals.namespace, failurePrefix: 'failed to create job: ' })
}

/** createJob: one container named after the job, restartPolicy Never; the namespace only when -n was given. */
export function jobFor(name: string, image: string, command: string[], namespace: string): KubeObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null },
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: { containers: [{ name, image, ...(command.length > 0 ? { command } : {}), resources: {} }], restartPolicy: 'Never' },
      },
    },
    status: {},
  } as unknown as KubeObject
}
