// The DefaultTolerationSeconds admission plugin (plugin/pkg/admission/defaulttolerationseconds/admission.go):
// every pod that does not already tolerate the not-ready / unreachable NoExecute taints gets tolerations for
// them with tolerationSeconds 300 (the --default-*-toleration-seconds flags' defaults), not-ready first.
// A toleration with an empty key or an empty effect counts as tolerating them.

import type { Pod, Toleration } from '../types'

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready'
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable'
export const DEFAULT_TOLERATION_SECONDS = 300

function tolerates(tolerations: Toleration[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
}

export function admitDefaultTolerationSeconds(pod: Pod): void {
  const tolerations = pod.spec.tolerations ?? []
  const added: Toleration[] = []
  for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
    if (!tolerates(tolerations, key)) {
      added.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: DEFAULT_TOLERATION_SECONDS })
    }
  }
  if (added.length > 0) pod.spec.tolerations = [...tolerations, ...added]
}
