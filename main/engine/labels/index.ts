// Label selectors, one implementation for the controllers, the scheduler, the informers' listers, the API's
// list (`?labelSelector=`) and kubectl `-l`.
//
// A hand port of k8s.io/apimachinery v0.32.0 pkg/labels (selector.go) and pkg/apis/meta/v1 (helpers.go
// LabelSelectorAsSelector, validation/validation.go ValidateLabelSelector), not a library: what kubectl users
// see are upstream's exact parse errors (`unable to parse requirement: found '', expected: ',' or ')'`) and its
// exact semantics (`x notin (a)` matches objects without x, `x>1` compares int64s, keywords as values), and no
// npm package reproduces them. Upstream's own test tables are ported beside each file.

export { isLabelSelectorError, LabelSelectorError } from './errors'
export { selectorFromLabelSelector, validateLabelSelector, validateLabelSelectorRequirement } from './label-selector'
export type { LabelSelectorValidationOptions } from './label-selector'
export { newRequirement, Requirement, requirementErrors } from './requirement'
export { everything, nothing, parseSelector, selectorFromSet, selectorOf } from './selector'
export type { Selector } from './selector'
export { Operators } from './types'
export type { LabelSelector, LabelSelectorOperator, LabelSelectorRequirement, Labels, Operator } from './types'
