// The meta row `cli_kubeconfig`: what `podlab kubectl config set-context --current --namespace=NS` wrote into the
// kubeconfig the `podlab` CLI keeps in this cluster file (its one context `podlab`), so that a later
// `podlab kubectl get pods` runs in NS as a real kubectl would after writing ~/.kube/config. Files are shared in
// a workshop: what is read back is checked, and a value Podlab never writes makes the file damaged.

export const CLI_KUBECONFIG_KEY = 'cli_kubeconfig'

/** The longest namespace kept (a DNS subdomain's 253; kubectl itself writes any string, the API server judges it). */
const MAX_NAMESPACE = 253

/** What `podlab kubectl` keeps of its kubeconfig: the context's namespace ('' for none). */
export interface CliKubeconfig {
  namespace: string
}

/** The stored value of `config`. Throws RangeError for a namespace Podlab will not keep (see parseCliKubeconfig). */
export function cliKubeconfigValue(config: CliKubeconfig): string {
  if (!keepable(config.namespace)) throw new RangeError(`a kubeconfig namespace must be at most ${MAX_NAMESPACE} printable characters`)
  return JSON.stringify({ namespace: config.namespace })
}

/** The kubeconfig a stored value holds, or undefined when it is not one Podlab writes. */
export function parseCliKubeconfig(value: string): CliKubeconfig | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length !== 1) return undefined
  const namespace = (parsed as { namespace?: unknown }).namespace
  return typeof namespace === 'string' && keepable(namespace) ? { namespace } : undefined
}

/** What is wrong with a stored cli_kubeconfig value, or undefined. */
export function cliKubeconfigProblem(value: string): string | undefined {
  return parseCliKubeconfig(value) ? undefined : `the cli_kubeconfig is not a namespace of at most ${MAX_NAMESPACE} printable characters`
}

/** No control characters: a shared file must not make `kubectl config view` write escape sequences to a terminal. */
function keepable(namespace: string): boolean {
  // eslint-disable-next-line no-control-regex
  return namespace.length <= MAX_NAMESPACE && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(namespace)
}
