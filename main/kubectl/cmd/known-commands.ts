// The commands of the real kubectl 1.32.5 (its `kubectl --help`, recorded in testdata/help/kubectl.golden, plus
// `alpha` and `options`, which it lists elsewhere). A learner typing one Podlab has not built yet is told so, not
// "unknown command", which would make them think kubectl has no such verb.

export const KUBECTL_COMMANDS: readonly string[] = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate',
  'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward',
  'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label',
  'annotate', 'completion', 'api-resources', 'api-versions', 'config', 'plugin', 'version', 'alpha', 'options',
]

/** What Podlab's kubectl answers for a real kubectl command it does not have yet. */
export function notYetMessage(name: string): string {
  return `error: kubectl ${name} is not supported by Podlab yet\n`
}
