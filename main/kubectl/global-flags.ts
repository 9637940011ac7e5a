// kubectl's persistent flags (the root command's, every verb takes them): genericclioptions.ConfigFlags
// (--context, --cluster, --user, --kubeconfig, --request-timeout, --server ...) and klog's -v. Podlab's kubectl has
// one kubeconfig with one context, cluster and user, all named `podlab`: naming them is fine, naming another one
// is answered as clientcmd answers a name its kubeconfig lacks (client_config.go, validation.go; texts checked
// against the real kubectl 1.32.5).

import type { FlagSpec, FlagValues } from '../gostd/pflag'
import { parseGoDuration } from '../gostd/parse-duration'
import { fail, type KubectlResult } from './io'
import { notYetError } from './cmd/command'

/** The name of Podlab's one context, cluster and user (cmd/config's kubeconfig). */
const PODLAB = 'podlab'

/** Flags every kubectl command takes (the root command's persistent flags, and cobra's help flag). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { long: 'namespace', short: 'n', type: 'string' },
  { long: 'help', short: 'h', type: 'bool' },
  { long: 'context', type: 'string' },
  { long: 'cluster', type: 'string' },
  { long: 'user', type: 'string' },
  { long: 'kubeconfig', type: 'string' },
  { long: 'server', short: 's', type: 'string' },
  { long: 'request-timeout', type: 'string' },
  { long: 'cache-dir', type: 'string' },
  { long: 'v', short: 'v', type: 'int' },
]

/**
 * What the global flags ask that Podlab's kubectl cannot give: an error result (stderr, exit 1) or undefined when
 * the command may run. `-v` is taken and prints nothing (Podlab's kubectl makes no requests to log);
 * --cache-dir is taken and unused (there is no discovery cache to keep).
 */
export function checkGlobalFlags(flags: FlagValues): KubectlResult | undefined {
  const context = flags.context
  if (typeof context === 'string' && context !== '' && context !== PODLAB) return fail(`Error in configuration: context was not found for specified context: ${context}\n`)
  const cluster = flags.cluster
  if (typeof cluster === 'string' && cluster !== '' && cluster !== PODLAB) return fail(`error: no server found for cluster ${JSON.stringify(cluster)}\n`)
  const user = flags.user
  if (typeof user === 'string' && user !== '' && user !== PODLAB) return fail(`error: auth info ${JSON.stringify(user)} does not exist\n`)
  const timeout = flags['request-timeout']
  if (typeof timeout === 'string' && timeout !== '' && !/^\d+$/.test(timeout) && 'error' in parseGoDuration(timeout)) {
    return fail('error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n')
  }
  if (typeof flags.kubeconfig === 'string') return fail(notYetError('--kubeconfig (Podlab\'s kubectl keeps its own: see `kubectl config view`)'))
  if (typeof flags.server === 'string') return fail(notYetError('--server (Podlab\'s kubectl talks to its own cluster)'))
  return undefined
}

/** True when `spec` takes the next argument as its value (`--context podlab`, `-n kube-system`). */
export function takesValue(spec: FlagSpec | undefined): boolean {
  return spec === undefined || (spec.type !== 'bool' && spec.noOptDefVal === undefined)
}
