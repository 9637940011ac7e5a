// NodeAffinity plugin, for spec.nodeSelector (required node affinity terms come with the next issues).
import type { Filter } from './filter'

export const nodeAffinity: Filter = (pod, { node }) => {
  const labels = node.metadata.labels ?? {}
  const selector = pod.spec.nodeSelector ?? {}
  const matches = Object.entries(selector).every(([k, v]) => labels[k] === v)
  return matches ? null : { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true }
}
