// How apimachinery's field errors print the apps values they carry (ErrorBody's %#v fallback for structs that
// are not fmt.Stringers): intstr.IntOrString, the internal metav1.LabelSelector and apps.DeploymentStrategy,
// as Go's fmt prints them. Source: k8s.io/apimachinery v0.32.0 pkg/util/validation/field/errors.go.

import { goQuote, goStringMap, type GoLiteral } from '../../../../gostd/gofmt'
import type { DeploymentStrategy, IntOrString, LabelSelector } from '../types'

/** `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}`; an unset one is the zero value (Type:0). */
export function goIntOrString(v: IntOrString | undefined): GoLiteral {
  if (typeof v === 'string') return { go: `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}` }
  return { go: `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}` }
}

function goStringSlice(values: readonly string[] | null | undefined): string {
  return values ? `[]string{${values.map(goQuote).join(', ')}}` : '[]string(nil)'
}

/** `v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`. */
export function goLabelSelector(ls: LabelSelector): GoLiteral {
  const labels = ls.matchLabels ? goStringMap(ls.matchLabels).go : 'map[string]string(nil)'
  const exprs = ls.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${ls.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return { go: `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}` }
}

/**
 * `apps.DeploymentStrategy{Type:"Blue", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`. Go prints a set
 * pointer as its address, which differs per process; we print a fixed one.
 */
export function goDeploymentStrategy(s: DeploymentStrategy): GoLiteral {
  const rolling = s.rollingUpdate ? '(*apps.RollingUpdateDeployment)(0xc000000000)' : '(*apps.RollingUpdateDeployment)(nil)'
  return { go: `apps.DeploymentStrategy{Type:${goQuote(s.type ?? '')}, RollingUpdate:${rolling}}` }
}

/** A label map as %#v prints it, nil when absent. */
export function goLabels(labels: Record<string, string> | undefined): GoLiteral {
  return labels ? goStringMap(labels) : { go: 'map[string]string(nil)' }
}
