// labels.Selector: requirements ANDed, kept sorted by key so String() is deterministic; Everything (no
// requirement, matches all) and Nothing (matches none). Source: k8s.io/apimachinery v0.32.0 pkg/labels/selector.go.

import { Parser } from './parser'
import { compareStrings, Requirement } from './requirement'
import type { Labels } from './types'

export interface Selector {
  /** True when every requirement matches `labels` (undefined = an object without labels). */
  matches(labels: Labels): boolean
  /** True when the selector restricts nothing (Everything); Nothing is not empty. */
  empty(): boolean
  /** Sorted by key; Nothing has none (and matches nothing). */
  requirements(): readonly Requirement[]
  /** `a=b,c in (d,e),!f`; '' for Everything and Nothing. */
  toString(): string
  /** A new selector with `reqs` added (Selector.Add); Nothing stays Nothing. */
  add(...reqs: Requirement[]): Selector
  /** RequiresExactMatch: the one value the first requirement on `key` demands (=, == or `in` of one value). */
  requiresExactMatch(key: string): string | undefined
  /** Every `key=value` pair a matching object must carry (=, == and one-value `in`), for index lookups. */
  requiredEquals(): ReadonlyArray<readonly [key: string, value: string]>
}

const byKey = (a: Requirement, b: Requirement): number => compareStrings(a.key, b.key)

const exactValue = (r: Requirement): string | undefined =>
  (r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1 ? r.values[0] : undefined

class RequirementsSelector implements Selector {
  private readonly reqs: readonly Requirement[]

  /** `reqs` must already be sorted by key (a stable sort keeps equal keys in the order given). */
  constructor(reqs: readonly Requirement[]) {
    this.reqs = reqs
  }

  matches(labels: Labels): boolean {
    return this.reqs.every((r) => r.matches(labels))
  }

  empty(): boolean {
    return this.reqs.length === 0
  }

  requirements(): readonly Requirement[] {
    return this.reqs
  }

  toString(): string {
    return this.reqs.map((r) => r.toString()).join(',')
  }

  add(...reqs: Requirement[]): Selector {
    return new RequirementsSelector([...this.reqs, ...reqs].sort(byKey))
  }

  requiresExactMatch(key: string): string | undefined {
    const first = this.reqs.find((r) => r.key === key)
    return first === undefined ? undefined : exactValue(first)
  }

  requiredEquals(): ReadonlyArray<readonly [string, string]> {
    const pairs: Array<readonly [string, string]> = []
    for (const r of this.reqs) {
      const v = exactValue(r)
      if (v !== undefined) pairs.push([r.key, v])
    }
    return pairs
  }
}

const NOTHING: Selector = {
  matches: () => false,
  empty: () => false,
  requirements: () => [],
  toString: () => '',
  add: () => NOTHING,
  requiresExactMatch: () => undefined,
  requiredEquals: () => [],
}

const EVERYTHING: Selector = new RequirementsSelector([])

/** labels.Everything(): matches every object, labelled or not. */
export function everything(): Selector {
  return EVERYTHING
}

/** labels.Nothing(): matches no object (what a nil metav1.LabelSelector means). */
export function nothing(): Selector {
  return NOTHING
}

/** A selector over `reqs` in any order (sorted here, as Selector.Add does). */
export function selectorOf(reqs: readonly Requirement[]): Selector {
  return new RequirementsSelector([...reqs].sort(byKey))
}

/**
 * labels.Parse: `app=web,tier in (a,b),!canary`. Throws LabelSelectorError (reason BadRequest) with upstream's
 * message, e.g. `unable to parse requirement: found '', expected: ',' or ')'`; never anything else.
 */
export function parseSelector(text: string): Selector {
  return selectorOf(new Parser(text).parse())
}

/**
 * labels.SelectorFromValidatedSet: `key=value` for each entry, unchecked (the labels come from a stored,
 * validated object). An empty or missing map selects everything.
 */
export function selectorFromSet(labels: Labels): Selector {
  const keys = Object.keys(labels ?? {}).sort(compareStrings)
  return new RequirementsSelector(keys.map((k) => new Requirement(k, '=', [labels?.[k] ?? ''])))
}

