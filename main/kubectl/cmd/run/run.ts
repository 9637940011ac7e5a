// `kubectl run NAME --image=IMAGE [--restart=...] [--port=P] [--env=K=V] [--labels=...] [--command] -- [ARGS]`,
// after kubectl pkg/cmd/run/run.go (v0.32.5): cobra's required --image, ToOptions (dry-run strategy, printer),
// Validate, then Run (generate the pod, apply --overrides, create it unless --dry-run=client, print it).
//
// With -i/-t/--attach the pod is created unprinted and the rest is a Follow (attached-run.ts): wait for it to run,
// attach to its main process, and with --rm delete it after. --expose needs a Service, which Podlab does not
// simulate yet.

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { durationFlag } from '../../../gostd/parse-duration'
import type { KubeObject } from '../../../kube'
import { ImageReferenceError, isApiError, parseImageReference } from '../../../engine'
import { fail, type KubectlIO, type KubectlResult } from '../../io'
import type { Command, Globals } from '../command'
import { CREATE_FLAGS, completeSettings, runGenerated, usageError, type CreateSettings } from '../create/create-options'
import { GenerateError, generatePod } from './generate'
import { HELP } from './help'
import { attachedRun, type AttachedRunOptions } from './attached-run'
import { applyOverride } from './override'

const PATH = 'kubectl run'

/** Flags run.go keeps only for the pod deletion after an attach; cobra says they are deprecated when given. */
const DEPRECATED = ['cascade', 'filename', 'force', 'grace-period', 'kustomize', 'recursive', 'timeout', 'wait']

const FLAGS: FlagSpec[] = [
  ...CREATE_FLAGS.filter((f) => f.long !== 'validate' && f.long !== 'field-manager'),
  { long: 'annotations', type: 'stringArray' },
  { long: 'attach', type: 'bool' },
  { long: 'cascade', type: 'string', noOptDefVal: 'background', defValue: 'background' },
  { long: 'command', type: 'bool' },
  { long: 'env', type: 'stringArray' },
  { long: 'expose', type: 'bool' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-run' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'force', type: 'bool' },
  { long: 'grace-period', type: 'int', defValue: -1 },
  { long: 'image', type: 'string' },
  { long: 'image-pull-policy', type: 'string' },
  { long: 'kustomize', short: 'k', type: 'string' },
  { long: 'labels', short: 'l', type: 'string' },
  { long: 'leave-stdin-open', type: 'bool' },
  { long: 'override-type', type: 'string', defValue: 'merge' },
  { long: 'overrides', type: 'string' },
  { long: 'pod-running-timeout', type: 'string', defValue: '1m0s' },
  { long: 'port', type: 'string' },
  { long: 'privileged', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'recursive', short: 'R', type: 'bool' },
  { long: 'restart', type: 'string', defValue: 'Always' },
  { long: 'rm', type: 'bool' },
  { long: 'stdin', short: 'i', type: 'bool' },
  { long: 'timeout', type: 'string', defValue: '0s' },
  { long: 'tty', short: 't', type: 'bool' },
  { long: 'wait', type: 'bool' },
]

export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  group: 'Basic Commands (Beginner):',
  flags: FLAGS,
  help: HELP,
  run: runRun,
}

interface RunOptions {
  settings: CreateSettings
  name: string
  image: string
  attach: boolean
  interactive: boolean
  tty: boolean
  remove: boolean
  expose: boolean
  port: string
  restart: string
  imagePullPolicy: string
  quiet: boolean
  leaveStdinOpen: boolean
  /** --pod-running-timeout in virtual ms; 0 waits forever (ContextWithOptionalTimeout). */
  podRunningTimeoutMs: number
  namespace: string
  enforceNamespace: boolean
}

function runRun(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // pflag parses the duration flag before cobra checks anything.
  const timeout = durationFlag((flags['pod-running-timeout'] as string | undefined) ?? '1m0s', '--pod-running-timeout')
  if ('error' in timeout) return fail(`error: ${timeout.error}\nSee 'kubectl run --help' for usage.\n`)
  // cobra's MarkFlagRequired("image") and its deprecation notices come before Run.
  if (flags.image === undefined) return fail('error: required flag(s) "image" not set\n')
  const deprecated = DEPRECATED.filter((f) => flags[f] !== undefined)
    .map((f) => `Flag --${f} has been deprecated, because it is not used by this command. It will be removed in version 1.29.\n`)
    .join('')
  const o = toOptions(args, flags, globals, Math.max(0, Number(timeout.ns / 1_000_000n)))
  if ('error' in o) return fail(deprecated + o.error)
  const invalid = validate(args, o)
  if (invalid) return fail(deprecated + o.settings.warnings + invalid)
  const result = run(io, args, flags, o)
  return { ...result, stderr: deprecated + result.stderr }
}

/** ToOptions: the dry-run strategy and the printer (PrintFlagsWithDryRunStrategy), then the run flags. */
function toOptions(args: string[], flags: FlagValues, globals: Globals, podRunningTimeoutMs: number): RunOptions | { error: string } {
  const settings = completeSettings(flags, FLAGS)
  if ('error' in settings) return settings
  const interactive = flags.stdin === true
  return {
    settings,
    name: args[0] ?? '',
    image: flags.image as string,
    // Attach defaults to true with -i (run.go: attachFlag not Changed && Interactive).
    attach: flags.attach === undefined ? interactive : flags.attach === true,
    interactive,
    tty: flags.tty === true,
    remove: flags.rm === true,
    expose: flags.expose === true,
    port: (flags.port as string | undefined) ?? '',
    restart: (flags.restart as string | undefined) ?? '',
    imagePullPolicy: (flags['image-pull-policy'] as string | undefined) ?? '',
    quiet: flags.quiet === true,
    leaveStdinOpen: flags['leave-stdin-open'] === true,
    podRunningTimeoutMs,
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
  }
}

/** RunOptions.Validate, its errors in kubectl's words (usage errors with the `-h` line). */
function validate(args: string[], o: RunOptions): string | undefined {
  if (args.length === 0) return usageError(PATH, 'NAME is required for run')
  if (o.image === '') return 'error: --image is required\n'
  if (!matchesReferenceGrammar(o.image)) return `error: Invalid image name ${JSON.stringify(o.image)}: invalid reference format\n`
  if (o.tty && !o.interactive) return usageError(PATH, '-i/--stdin is required for containers with -t/--tty=true')
  if (o.expose && o.port === '') return usageError(PATH, '--port must be set when exposing a service')
  if (!['', 'Always', 'OnFailure', 'Never'].includes(o.restart)) return usageError(PATH, `invalid restart policy: ${o.restart}`)
  if (!o.attach && o.remove) return usageError(PATH, '--rm should only be used for attached containers')
  if (o.attach && o.settings.dryRun !== 'none') {
    return usageError(PATH, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
  }
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(o.imagePullPolicy)) return usageError(PATH, `invalid image pull policy: ${o.imagePullPolicy}`)
  return undefined
}

/** reference.ReferenceRegexp.MatchString: the grammar only (a name too long or a bad digest still matches). */
function matchesReferenceGrammar(image: string): boolean {
  try {
    parseImageReference(image)
    return true
  } catch (e) {
    if (!(e instanceof ImageReferenceError)) throw e
    return !['ReferenceInvalidFormat', 'NameContainsUppercase', 'NameEmpty'].includes(e.reason)
  }
}

/** getRestartPolicy: Always by default, OnFailure for an interactive pod. */
function restartPolicy(o: RunOptions): string {
  return o.restart || (o.interactive ? 'OnFailure' : 'Always')
}

/** Run: the pod generated and overridden, created (or not, on a client dry run) and printed. */
function run(io: KubectlIO, args: string[], flags: FlagValues, o: RunOptions): KubectlResult {
  let pod
  try {
    pod = generatePod({
      name: o.name,
      image: o.image,
      labels: (flags.labels as string | undefined) ?? '',
      annotations: (flags.annotations as string[] | undefined) ?? [],
      env: (flags.env as string[] | undefined) ?? [],
      port: o.port,
      imagePullPolicy: o.imagePullPolicy,
      restartPolicy: restartPolicy(o),
      args: args.slice(1),
      command: flags.command === true,
      stdin: o.interactive,
      leaveStdinOpen: flags['leave-stdin-open'] === true,
      tty: o.tty,
      privileged: flags.privileged === true,
    })
    pod = applyOverride(pod, (flags.overrides as string | undefined) ?? '', (flags['override-type'] as string | undefined) ?? '')
  } catch (e) {
    if (e instanceof GenerateError || isApiError(e)) return fail(`${o.settings.warnings}error: ${e.message}\n`)
    throw e
  }
  if (o.expose) return fail(`${o.settings.warnings}error: Podlab does not simulate Services yet, so kubectl run --expose cannot create one; the pod was not created\n`)
  if (o.settings.dryRun === 'client' && o.enforceNamespace) pod.metadata.namespace = o.namespace
  const ref = { resource: 'pods', group: '', version: 'v1', kind: 'Pod', namespaced: true }
  let object: KubeObject | undefined
  const created = runGenerated(io, o.settings, { ref, object: pod, namespace: o.namespace, created: (answer) => (object = answer) })
  if (!o.attach || created.exitCode !== 0 || !object) return created
  // Attached, kubectl prints no `pod/x created`: the pod's output, then what Run decides (attached-run.ts).
  const restart = restartPolicy(o)
  const follow = attachedRun(io, {
    pod: object as AttachedRunOptions['pod'],
    attach: { container: '', stdin: o.interactive, tty: o.tty, quiet: o.quiet, commandName: 'kubectl attach' },
    remove: o.remove,
    timeoutMs: o.podRunningTimeoutMs,
    waitForExitCode: !o.leaveStdinOpen && (restart === 'Never' || restart === 'OnFailure'),
    restartPolicy: restart,
  })
  return { stdout: '', stderr: created.stderr, exitCode: 0, follow }
}
