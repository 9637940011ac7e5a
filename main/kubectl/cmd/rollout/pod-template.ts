// printTemplate (kubectl pkg/polymorphichelpers/history.go, v0.32.5): a revision's pod template as `rollout history
// --revision=N` and `rollout undo --dry-run=client` print it: describe's DescribePodTemplate over a PrefixWriter on
// a plain buffer (raw tabs, no tabwriter).

import type { PodTemplateSpec } from '../describe/types'
import { describePodTemplate as describeTemplate } from '../describe/pod-template'
import { PrefixWriter } from '../describe/prefix-writer'
import type { PodTemplate } from './replicasets'

/** The template's text as printTemplate returns it. */
export function describePodTemplate(template: PodTemplate): string {
  const w = new PrefixWriter(true)
  // The ReplicaSet's template as the API server stored it: a validated PodTemplateSpec.
  describeTemplate(template as unknown as PodTemplateSpec, w)
  return w.text()
}
