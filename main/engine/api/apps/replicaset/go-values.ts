// How apimachinery's field errors print the apps validation's bad values: Go's %#v of a metav1.LabelSelector
// (ErrorBody dereferences the pointer, and the value type has no String method) and of a map[string]string.

import { goQuote, goStringMap, type GoLiteral } from '../../../../gostd/gofmt'
import type { LabelSelector } from '../types'

const quotedList = (values: readonly string[] | undefined): string =>
  values ? `[]string{${values.map(goQuote).join(', ')}}` : '[]string(nil)'

/** %#v of a map[string]string that may be nil: `map[string]string(nil)` or `map[string]string{"k":"v"}`. */
export function goLabels(labels: Record<string, string> | undefined): GoLiteral {
  return labels ? goStringMap(labels) : { go: 'map[string]string(nil)' }
}

/** %#v of a v1.LabelSelector, e.g. `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`. */
export function goLabelSelector(ls: LabelSelector): GoLiteral {
  const expressions = ls.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${ls.matchExpressions
        .map((r) => `v1.LabelSelectorRequirement{Key:${goQuote(r.key ?? '')}, Operator:${goQuote(r.operator ?? '')}, Values:${quotedList(r.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return { go: `v1.LabelSelector{MatchLabels:${goLabels(ls.matchLabels).go}, MatchExpressions:${expressions}}` }
}
