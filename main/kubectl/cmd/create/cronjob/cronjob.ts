// `kubectl create cronjob NAME --image=I --schedule=S [--restart=R] [-- COMMAND args]`, after kubectl
// pkg/cmd/create/create_cronjob.go (v0.32.5): cobra's required --image and --schedule, Complete (NAME, the command
// after it, restart OnFailure by default, dry run, printer) and Run; there is no Validate (a bad schedule or restart
// policy is the API server's to refuse). Podlab does not simulate CronJobs yet: only --dry-run=client prints it.

import type { KubeObject } from '../../../../kube'
import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command, Globals } from '../../command'
import { CREATE_FLAGS, completeSubcommand, runGenerated } from '../create-options'
import { BATCH_CRONJOBS } from '../kinds'
import { HELP } from './help'

const PATH = 'kubectl create cronjob'

const FLAGS: FlagSpec[] = [...CREATE_FLAGS, { long: 'image', type: 'string' }, { long: 'restart', type: 'string' }, { long: 'schedule', type: 'string' }]

export const createCronJobCommand: Command = {
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runCreateCronJob,
}

function runCreateCronJob(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // cobra's ValidateRequiredFlags names every missing required flag, in the order they were marked.
  const missing = ['image', 'schedule'].filter((f) => flags[f] === undefined)
  if (missing.length > 0) return fail(`error: required flag(s) ${missing.map((f) => `"${f}"`).join(', ')} not set\n`)
  const completed = completeSubcommand(args, flags, globals, PATH, FLAGS)
  if ('error' in completed) return fail(completed.error)
  const restart = (flags.restart as string | undefined) || 'OnFailure'
  const cronJob = cronJobFor({
    name: completed.name,
    image: flags.image as string,
    schedule: flags.schedule as string,
    command: args.slice(1),
    restart,
    namespace: globals.explicitNamespace ? globals.namespace : '',
  })
  return runGenerated(io, completed.settings, {
    ref: BATCH_CRONJOBS,
    object: cronJob,
    namespace: globals.namespace,
    unserved: `error: Podlab does not simulate CronJobs yet, so ${PATH} created nothing; --dry-run=client -o yaml prints the CronJob it would send\n`,
  })
}

/** createCronJob: the job template named after the cron job, one container named after it; the namespace only with -n. */
export function cronJobFor(o: { name: string; image: string; schedule: string; command: string[]; restart: string; namespace: string }): KubeObject {
  const container = { name: o.name, image: o.image, ...(o.command.length > 0 ? { command: o.command } : {}), resources: {} }
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), creationTimestamp: null },
    spec: {
      schedule: o.schedule,
      jobTemplate: {
        metadata: { name: o.name, creationTimestamp: null },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: o.restart } } },
      },
    },
    status: {},
  } as unknown as KubeObject
}
