// The label selector shapes: the operators of labels.Selector (k8s.io/apimachinery v0.32.0 pkg/selection) and
// the metav1.LabelSelector API type that Deployments, ReplicaSets, Jobs and Services' owners carry.

/** selection.Operator: the words Parse and Requirement.String() use (`gt`/`lt` print as `>`/`<`). */
export type Operator = '!' | '=' | '==' | 'in' | '!=' | 'notin' | 'exists' | 'gt' | 'lt'

export const Operators = {
  DoesNotExist: '!',
  Equals: '=',
  DoubleEquals: '==',
  In: 'in',
  NotEquals: '!=',
  NotIn: 'notin',
  Exists: 'exists',
  GreaterThan: 'gt',
  LessThan: 'lt',
} as const satisfies Record<string, Operator>

/** metav1.LabelSelectorOperator. A stored object may hold any string; validation says which are wrong. */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'

/** metav1.LabelSelectorRequirement. */
export interface LabelSelectorRequirement {
  key: string
  operator: LabelSelectorOperator | (string & {})
  values?: string[]
}

/** metav1.LabelSelector: matchLabels and matchExpressions are ANDed. */
export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

/** A label map as objects carry it (metadata.labels); undefined is no labels. */
export type Labels = Readonly<Record<string, string>> | undefined
