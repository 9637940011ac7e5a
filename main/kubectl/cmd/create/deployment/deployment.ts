// `kubectl create deployment NAME --image=I [--image=I2] [--replicas=N] [--port=P] [-- COMMAND args]`, after
// kubectl pkg/cmd/create/create_deployment.go (v0.32.5): Complete -> Validate -> Run over the shared create flow.

import type { KubeObject } from '../../../../kube'
import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command, Globals } from '../../command'
import { CREATE_FLAGS, completeSubcommand, runGenerated, type CreateSettings } from '../create-options'
import { APPS_DEPLOYMENTS } from '../kinds'
import { HELP } from './help'

const PATH = 'kubectl create deployment'

const FLAGS: FlagSpec[] = [
  ...CREATE_FLAGS,
  { long: 'image', type: 'stringSlice' },
  { long: 'port', type: 'int32', defValue: -1 },
  { long: 'replicas', short: 'r', type: 'int32', defValue: 1 },
]

export const createDeploymentCommand: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runCreateDeployment,
}

interface DeploymentOptions {
  settings: CreateSettings
  name: string
  images: string[]
  port: number
  replicas: number
  command: string[]
  namespace: string
  enforceNamespace: boolean
}

function runCreateDeployment(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // cobra's MarkFlagRequired("image") is checked before Run.
  if (flags.image === undefined) return fail('error: required flag(s) "image" not set\n')
  const o = complete(args, flags, globals)
  if ('error' in o) return fail(o.error)
  if (o.images.length > 1 && o.command.length > 0) return fail('error: cannot specify multiple --image options and command\n')
  return runGenerated(io, o.settings, { ref: APPS_DEPLOYMENTS, object: deploymentFor(o), namespace: o.namespace, failurePrefix: 'failed to create deployment: ' })
}

function complete(args: string[], flags: FlagValues, globals: Globals): DeploymentOptions | { error: string } {
  const completed = completeSubcommand(args, flags, globals, PATH, FLAGS)
  if ('error' in completed) return completed
  return {
    ...completed,
    images: flags.image as string[],
    port: (flags.port as number | undefined) ?? -1,
    replicas: (flags.replicas as number | undefined) ?? 1,
    command: args.slice(1),
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
  }
}

/** createDeployment: labels app=NAME on the object, its selector and its template; one container per image. */
export function deploymentFor(o: Pick<DeploymentOptions, 'name' | 'images' | 'port' | 'replicas' | 'command' | 'namespace' | 'enforceNamespace'>): KubeObject {
  const labels = () => ({ app: o.name })
  const containers: Record<string, unknown>[] = o.images.map((image, i) => ({
    name: containerName(image, o.name, i),
    image,
    ...(o.command.length > 0 ? { command: o.command } : {}),
    resources: {},
  }))
  if (o.port >= 0 && containers.length > 0) containers[0] = { ...containers[0], ports: [{ containerPort: o.port }] }
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: o.name, ...(o.enforceNamespace && o.namespace ? { namespace: o.namespace } : {}), creationTimestamp: null, labels: labels() },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: labels() },
      template: { metadata: { creationTimestamp: null, labels: labels() }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as unknown as KubeObject
}

/**
 * buildPodSpec's container name: the image's last path segment without tag or digest. One holding `_` or `.`
 * (not a DNS label) gets them as `-` and a 5-character suffix; kubectl draws it at random (utilrand.String), Podlab
 * derives it from the deployment and image so that the same command gives the same cluster history.
 */
export function containerName(image: string, deployment: string, index: number): string {
  let name = image.split('/').at(-1)!
  if (name.includes(':')) name = name.split(':')[0]!
  if (name.includes('@')) name = name.split('@')[0]!
  if (!/[_.]/.test(name)) return name
  return `${name.replaceAll('_', '-').replaceAll('.', '-')}-${suffix(`${deployment}/${index}/${image}`)}`
}

/** utilrand.String(5)'s alphabet, drawn from an FNV-1a hash of `seed`. */
function suffix(seed: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
  let h = 0x811c9dc5
  for (const c of seed) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0
  let out = ''
  for (let i = 0; i < 5; i++, h = Math.floor(h / alphabet.length)) out += alphabet[h % alphabet.length]
  return out
}
