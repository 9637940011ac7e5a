// labels.Requirement: one `key op values` term of a selector, its constructor's validation (NewRequirement,
// with Kubernetes' own field errors) and its matching. Source: k8s.io/apimachinery v0.32.0 pkg/labels/selector.go.

import type { FieldError } from '../api/errors'
import { child, index, invalid, key as keyPath, notSupported } from '../api/field'
import { goQuote, type GoLiteral } from '../../gostd/gofmt'
import { isQualifiedName, isValidLabelValue } from '../api/meta/validation'
import { aggregateText, LabelSelectorError } from './errors'
import { parseInt64 } from './go-int'
import type { Labels, Operator } from './types'

const UNARY_OPERATORS: readonly Operator[] = ['exists', '!']
/** In upstream's order: parse errors list them as `in, notin, =, ==, !=, gt, lt`. */
export const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt']
const VALID_OPERATORS: readonly Operator[] = [...BINARY_OPERATORS, ...UNARY_OPERATORS]

const has = (labels: Labels, k: string): boolean => labels !== undefined && Object.hasOwn(labels, k)

/**
 * A requirement as it stands. Build checked ones with newRequirement; this constructor checks nothing (like
 * Go's struct literal), and a requirement with an unknown operator matches nothing and prints as ''.
 */
export class Requirement {
  constructor(
    readonly key: string,
    readonly operator: Operator,
    readonly values: readonly string[],
  ) {}

  /** Requirement.Matches: NotIn, != and DoesNotExist match a missing key; Gt/Lt compare int64s. */
  matches(labels: Labels): boolean {
    const present = has(labels, this.key)
    const value = present ? (labels?.[this.key] ?? '') : ''
    switch (this.operator) {
      case 'in':
      case '=':
      case '==':
        return present && this.values.includes(value)
      case 'notin':
      case '!=':
        return !present || !this.values.includes(value)
      case 'exists':
        return present
      case '!':
        return !present
      case 'gt':
      case 'lt': {
        if (!present || this.values.length !== 1) return false
        const have = parseInt64(value)
        const want = parseInt64(this.values[0] ?? '')
        if (have === undefined || want === undefined) return false
        return this.operator === 'gt' ? have > want : have < want
      }
      default:
        return false
    }
  }

  /** Requirement.String(): `!k`, `k`, `k=v`, `k in (a,b)` with several values sorted (one value kept as is). */
  toString(): string {
    const op = this.operator
    let out = (op === '!' ? '!' : '') + this.key
    const infix = INFIX[op]
    if (op === 'exists' || op === '!') return out
    if (infix !== undefined) out += infix
    const set = op === 'in' || op === 'notin'
    const values = this.values.length === 1 ? (this.values[0] ?? '') : sortedCopy(this.values).join(',')
    return out + (set ? `(${values})` : values)
  }

  /** Requirement.Equal: same key, operator and values in the same order. */
  equals(other: Requirement): boolean {
    return (
      this.key === other.key &&
      this.operator === other.operator &&
      this.values.length === other.values.length &&
      this.values.every((v, i) => v === other.values[i])
    )
  }
}

const INFIX: Partial<Record<Operator, string>> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
}

/** A UTF-16 unit's rank in code point order: surrogates (U+10000 and up) sort after U+E000..U+FFFF. */
const rank = (unit: number): number => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit)

/** Go's string order (UTF-8 bytes, i.e. code points), which differs from JS's `<` only past U+E000. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return rank(x) - rank(y)
  }
  return a.length - b.length
}

function sortedCopy(values: readonly string[]): string[] {
  return [...values].sort(compareStrings)
}

/** %#v of a []string: `[]string{"a", "b"}`, or `[]string(nil)` for Go's nil slice. */
function goStringSlice(values: readonly string[] | null): GoLiteral {
  return { go: values === null ? '[]string(nil)' : `[]string{${values.map(goQuote).join(', ')}}` }
}

/** validateLabelKey: IsQualifiedName's messages joined by '; ' into one Invalid error. */
export function labelKeyError(k: string, path: string): FieldError | undefined {
  const errs = isQualifiedName(k)
  return errs.length === 0 ? undefined : invalid(path, k, errs.join('; '))
}

function labelValueError(k: string, v: string, path: string): FieldError | undefined {
  const errs = isValidLabelValue(v)
  return errs.length === 0 ? undefined : invalid(keyPath(path, k), v, errs.join('; '))
}

/**
 * NewRequirement's checks, in its order. `values` null stands for Go's nil slice (printed `[]string(nil)`),
 * which LabelSelectorAsSelector passes for an expression without values. `path` prefixes the fields ('' = none).
 */
export function requirementErrors(key: string, op: Operator, values: readonly string[] | null, path = ''): FieldError[] {
  const errs: FieldError[] = []
  const vals = values ?? []
  const keyErr = labelKeyError(key, child(path, 'key'))
  if (keyErr) errs.push(keyErr)
  const valuePath = child(path, 'values')
  switch (op) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalid(valuePath, goStringSlice(values), "for 'in', 'notin' operators, values set can't be empty"))
      break
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalid(valuePath, goStringSlice(values), 'exact-match compatibility requires one single value'))
      break
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalid(valuePath, goStringSlice(values), 'values set must be empty for exists and does not exist'))
      break
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalid(valuePath, goStringSlice(values), "for 'Gt', 'Lt' operators, exactly one value is required"))
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalid(index(valuePath, i), v, "for 'Gt', 'Lt' operators, the value must be an integer"))
      })
      break
    default:
      errs.push(notSupported(child(path, 'operator'), op, VALID_OPERATORS))
  }
  vals.forEach((v, i) => {
    const err = labelValueError(key, v, index(valuePath, i))
    if (err) errs.push(err)
  })
  return errs
}

/**
 * labels.NewRequirement: a checked requirement. Throws LabelSelectorError whose message is the aggregate of
 * the field errors, e.g. `values[0][app]: Invalid value: "a b": a valid label must be ...`.
 */
export function newRequirement(key: string, op: Operator, values: readonly string[] | null = [], path = ''): Requirement {
  const errs = requirementErrors(key, op, values, path)
  if (errs.length > 0) throw new LabelSelectorError(aggregateText(errs), errs)
  return new Requirement(key, op, [...(values ?? [])])
}
