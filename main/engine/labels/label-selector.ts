// metav1.LabelSelector: turning the API type into a Selector (LabelSelectorAsSelector) and validating it
// (ValidateLabelSelector / ValidateLabelSelectorRequirement). Sources: k8s.io/apimachinery v0.32.0
// pkg/apis/meta/v1/helpers.go and pkg/apis/meta/v1/validation/validation.go.

import type { FieldError } from '../api/errors'
import { child, forbidden, index, invalid, required } from '../api/field'
import { goQuote } from '../../gostd/gofmt'
import { validateLabels } from '../api/meta/objectmeta'
import { isQualifiedName, isValidLabelValue } from '../api/meta/validation'
import { LabelSelectorError } from './errors'
import { compareStrings, newRequirement, type Requirement } from './requirement'
import { everything, nothing, selectorOf, type Selector } from './selector'
import type { LabelSelector, LabelSelectorRequirement, Operator } from './types'

const OPERATOR_OF: Readonly<Record<string, Operator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
}

/**
 * metav1.LabelSelectorAsSelector: null/undefined selects nothing, `{}` everything; matchLabels become `k=v`
 * and matchExpressions their operators. Throws LabelSelectorError for a bad key, value or operator (e.g.
 * `"Foo" is not a valid label selector operator`). Go walks matchLabels in random order and stops at the first
 * bad one; here they are walked in sorted order so the error is always the same.
 */
export function selectorFromLabelSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls === null || ls === undefined) return nothing()
  const matchLabels = ls.matchLabels ?? {}
  const expressions = ls.matchExpressions ?? []
  const keys = Object.keys(matchLabels).sort(compareStrings)
  if (keys.length + expressions.length === 0) return everything()
  const reqs: Requirement[] = keys.map((k) => newRequirement(k, '=', [matchLabels[k] ?? '']))
  for (const expr of expressions) {
    const op = Object.hasOwn(OPERATOR_OF, expr.operator) ? OPERATOR_OF[expr.operator] : undefined
    if (op === undefined) throw new LabelSelectorError(`${goQuote(expr.operator)} is not a valid label selector operator`)
    // append([]string(nil), values...) stays nil for no values: the error then prints `[]string(nil)`.
    const values = expr.values && expr.values.length > 0 ? expr.values : null
    reqs.push(newRequirement(expr.key, op, values))
  }
  return selectorOf(reqs)
}

export interface LabelSelectorValidationOptions {
  /** Let values that are not valid label values pass (some older fields allow them). */
  allowInvalidLabelValueInSelector?: boolean
  /** Let an unknown operator pass (SubjectAccessReview checks it more broadly). */
  allowUnknownOperatorInRequirement?: boolean
}

/** ValidateLabelSelector: the field errors of `ls` at `path` (e.g. `spec.selector`); none for null. */
export function validateLabelSelector(
  ls: LabelSelector | null | undefined,
  path: string,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  if (ls === null || ls === undefined) return []
  const errs = validateLabels(ls.matchLabels, child(path, 'matchLabels'))
  ;(ls.matchExpressions ?? []).forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, opts, index(child(path, 'matchExpressions'), i)))
  })
  return errs
}

/** ValidateLabelSelectorRequirement: operator and values agree, the key is a qualified name, values are label values. */
export function validateLabelSelectorRequirement(
  sr: LabelSelectorRequirement,
  opts: LabelSelectorValidationOptions,
  path: string,
): FieldError[] {
  const errs: FieldError[] = []
  const values = sr.values ?? []
  const valuesPath = child(path, 'values')
  switch (sr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"))
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
      break
    default:
      if (!opts.allowUnknownOperatorInRequirement) errs.push(invalid(child(path, 'operator'), sr.operator, 'not a valid selector operator'))
  }
  for (const msg of isQualifiedName(sr.key)) errs.push(invalid(child(path, 'key'), sr.key, msg))
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((v, i) => {
      for (const msg of isValidLabelValue(v)) errs.push(invalid(index(valuesPath, i), v, msg))
    })
  }
  return errs
}
