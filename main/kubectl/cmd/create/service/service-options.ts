// What `kubectl create service clusterip|nodeport|loadbalancer|externalname` share, after kubectl
// pkg/cmd/create/create_service.go (v0.32.5): ServiceOptions' Complete (NAME, dry run, printer), Validate, and Run
// (createService with parsePorts, then the create). Podlab does not simulate Services yet: only --dry-run=client
// prints the Service; otherwise the answer says so and nothing is written.

import type { KubeObject } from '../../../../kube'
import { isDNS1123Subdomain, isValidPortName, isValidPortNum, type ResourceRef } from '../../../../engine'
import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { NumError, parseUint10 } from '../../../../gostd/strconv'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command, Globals } from '../../command'
import { CREATE_FLAGS, completeSubcommand, runGenerated } from '../create-options'

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'

export const CORE_SERVICES: ResourceRef = { resource: 'services', group: '', version: 'v1', kind: 'Service', namespaced: true }

/**
 * One `create service <name>` subcommand (NewCmdCreateService<Type>): the create flags, --tcp (StringSlice:
 * `--tcp=80,443:https`) and its own flags.
 */
export function serviceSubcommand(name: string, type: ServiceType, short: string, help: string, own: FlagSpec[]): Command {
  const flags: FlagSpec[] = [...CREATE_FLAGS, { long: 'tcp', type: 'stringSlice' }, ...own]
  return { name, short, group: '', flags, help, run: (io, args, values, globals) => runCreateService(type, `kubectl create service ${name}`, flags, io, args, values, globals) }
}

interface ServiceOptions {
  name: string
  type: ServiceType
  tcp: string[]
  clusterIP: string
  nodePort: number
  externalName: string
}

/** The flow of one subcommand (`path` is `kubectl create service clusterip`), in kubectl's order. */
export function runCreateService(type: ServiceType, path: string, specs: FlagSpec[], io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // cobra's MarkFlagRequired("external-name") is checked before Run.
  if (type === 'ExternalName' && flags['external-name'] === undefined) return fail('error: required flag(s) "external-name" not set\n')
  const completed = completeSubcommand(args, flags, globals, path, specs)
  if ('error' in completed) return fail(completed.error)
  const o: ServiceOptions = {
    name: completed.name,
    type,
    tcp: (flags.tcp as string[] | undefined) ?? [],
    clusterIP: (flags.clusterip as string | undefined) ?? '',
    nodePort: (flags['node-port'] as number | undefined) ?? 0,
    externalName: (flags['external-name'] as string | undefined) ?? '',
  }
  const invalid = validate(o)
  if (invalid) return fail(`${completed.settings.warnings}error: ${invalid}\n`)
  let service: KubeObject
  try {
    service = createService(o, globals.explicitNamespace ? globals.namespace : '')
  } catch (e) {
    if (e instanceof PortError || e instanceof NumError) return fail(`${completed.settings.warnings}error: ${e.message}\n`)
    throw e
  }
  // ServiceOptions never reads --save-config (CreateAnnotation stays false): the flag is accepted and does nothing.
  return runGenerated(io, { ...completed.settings, saveConfig: false }, {
    ref: CORE_SERVICES,
    object: service,
    namespace: globals.namespace,
    unserved: `error: Podlab does not simulate Services yet, so ${path} created nothing; --dry-run=client -o yaml prints the Service it would send\n`,
  })
}

/** ServiceOptions.Validate: its words, or undefined. */
function validate(o: ServiceOptions): string | undefined {
  if (o.clusterIP === 'None' && o.type !== 'ClusterIP') return 'ClusterIP=None can only be used with ClusterIP service type'
  if (o.clusterIP !== 'None' && o.tcp.length === 0 && o.type !== 'ExternalName') return 'at least one tcp port specifier must be provided'
  if (o.type === 'ExternalName' && isDNS1123Subdomain(o.externalName).length > 0) return `invalid service external name ${o.externalName}`
  return undefined
}

/** parsePorts' own errors (a target port's validation messages, joined by commas as fmt.Errorf(strings.Join(errs, ",")) does). */
class PortError extends Error {}

/**
 * parsePorts: `<port>[:<targetPort>]`, the port by utilsnet.ParsePort (strconv.ParseUint(s, 10, 16), 0 allowed),
 * the target port a number (1-65535) when strconv.Atoi reads one, else an IANA port name. Throws NumError or
 * PortError with kubectl's words.
 */
export function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':')
  const port = parseUint10(parts[0]!, 16)
  if (parts.length === 1) return { port, targetPort: port }
  const target = parts[1]!
  const asInt = /^[+-]?\d+$/.test(target) ? Number(target) : undefined
  if (asInt === undefined || !Number.isSafeInteger(asInt)) {
    const errs = isValidPortName(target)
    if (errs.length > 0) throw new PortError(errs.join(','))
    return { port, targetPort: target }
  }
  const errs = isValidPortNum(asInt)
  if (errs.length > 0) throw new PortError(errs.join(','))
  return { port, targetPort: asInt }
}

/** createService: one TCP port per --tcp (named `<port>-<targetPort>`), label and selector app=NAME. */
function createService(o: ServiceOptions, namespace: string): KubeObject {
  const ports = o.tcp.map((spec) => {
    const { port, targetPort } = parsePorts(spec)
    return { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort, ...(o.nodePort !== 0 ? { nodePort: o.nodePort } : {}) }
  })
  const spec: Record<string, unknown> = {
    ...(ports.length > 0 ? { ports } : {}),
    selector: { app: o.name },
    ...(o.clusterIP ? { clusterIP: o.clusterIP } : {}),
    type: o.type,
    ...(o.externalName ? { externalName: o.externalName } : {}),
  }
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: o.name, ...(namespace ? { namespace } : {}), creationTimestamp: null, labels: { app: o.name } },
    spec,
    status: { loadBalancer: {} },
  } as unknown as KubeObject
}
