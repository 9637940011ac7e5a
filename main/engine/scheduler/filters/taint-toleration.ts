// TaintToleration plugin: a NoSchedule or NoExecute taint keeps out every pod without a matching toleration
// (v1helper.TolerationsTolerateTaint). The reason names the first untolerated taint:
// `node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }`.
import type { Toleration } from '../../api/pods/types'
import type { Filter } from './filter'

export function tolerates(t: Toleration, taint: { key: string; value?: string; effect: string }): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  if (!t.key && t.operator !== 'Exists') return false
  if (t.operator === 'Exists') return true
  return (t.value ?? '') === (taint.value ?? '')
}

export const taintToleration: Filter = (pod, { node }) => {
  const tolerations = pod.spec.tolerations ?? []
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
    if (!tolerations.some((t) => tolerates(t, taint))) {
      return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true }
    }
  }
  return null
}
