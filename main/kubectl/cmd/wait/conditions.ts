// What `kubectl wait --for=...` checks on an object, after kubectl pkg/cmd/wait (v0.32.5): conditionFuncFor's
// parsing of --for, ConditionalWait.checkCondition (condition.go) and JSONPathWait (json.go). The JSONPath
// dialect here is the part wait's examples use (`.a.b`, `[N]`, `[*]`, `[?(@.k=="v")]`); a richer expression is
// answered as not supported by Podlab yet.

import type { KubeObject } from '../../../kube'

export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'condition'; name: string; status: string }
  | { kind: 'jsonpath'; path: Segment[]; value: string | undefined }

type Segment = { field: string } | { index: number } | { all: true } | { filter: { path: string[]; value: string } }

/** conditionFuncFor: the --for value as a check, or the error kubectl prints (`notYet` for what Podlab lacks). */
export function parseFor(condition: string): { for: WaitFor } | { error: string } | { notYet: string } {
  if (condition.toLowerCase() === 'delete') return { for: { kind: 'delete' } }
  if (condition.toLowerCase() === 'create') return { notYet: '--for=create' }
  if (condition.startsWith('condition=')) {
    const rest = condition.slice('condition='.length)
    const eq = rest.indexOf('=')
    return { for: { kind: 'condition', name: eq < 0 ? rest : rest.slice(0, eq), status: eq < 0 ? 'true' : rest.slice(eq + 1) } }
  }
  if (condition.startsWith('jsonpath=')) {
    const parts = splitJSONPathInput(condition.slice('jsonpath='.length))
    if (parts.length < 1 || parts.length > 2) {
      return { error: "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'" }
    }
    const relaxed = relaxedJSONPathExpression(parts[0]!)
    if ('error' in relaxed) return relaxed
    let value: string | undefined
    if (parts.length === 2) {
      value = parts[1]!.replace(/^['"]+|['"]+$/g, '')
      if (value === '') return { error: "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3" }
    }
    if (relaxed.expression === '{}' || relaxed.expression === '{.}') return { error: 'jsonpath expression cannot be empty' }
    const path = parsePath(relaxed.expression.slice(1, -1))
    if (!path) return { notYet: `the jsonpath expression ${relaxed.expression}` }
    return { for: { kind: 'jsonpath', path, value } }
  }
  return { error: `unrecognized condition: ${JSON.stringify(condition)}` }
}

/** splitJSONPathInput: split on single `=`; `==` stays in the element. */
function splitJSONPathInput(input: string): string[] {
  const out: string[] = []
  let element = ''
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        element += '=='
        i++
        continue
      }
      out.push(element)
      element = ''
      continue
    }
    element += input[i]
  }
  return [...out, element]
}

/** get.RelaxedJSONPathExpression: `{.a.b}`, `{a.b}`, `.a.b` and `a.b` all mean `{.a.b}`. */
function relaxedJSONPathExpression(pathExpression: string): { expression: string } | { error: string } {
  if (pathExpression.length === 0) return { expression: pathExpression }
  const m = /^\{?(\.?[^{}]*)\}?$/.exec(pathExpression)
  if (!m || (pathExpression.startsWith('{') !== pathExpression.endsWith('}'))) {
    return { error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" }
  }
  const inner = m[1]!
  return { expression: `{${inner.startsWith('.') ? inner : `.${inner}`}}` }
}

/** `.a.b[0][*][?(@.type=="Ready")]`; undefined for what this dialect does not read. */
function parsePath(text: string): Segment[] | undefined {
  const segments: Segment[] = []
  const token = /\.([A-Za-z0-9_-]+)|\[(\d+)\]|\[\*\]|\[\?\(@((?:\.[A-Za-z0-9_-]+)+)\s*==\s*(?:"([^"]*)"|'([^']*)')\)\]/y
  let at = 0
  while (at < text.length) {
    token.lastIndex = at
    const m = token.exec(text)
    if (!m) return undefined
    if (m[1] !== undefined) segments.push({ field: m[1] })
    else if (m[2] !== undefined) segments.push({ index: Number(m[2]) })
    else if (m[3] !== undefined) segments.push({ filter: { path: m[3].slice(1).split('.'), value: m[4] ?? m[5] ?? '' } })
    else segments.push({ all: true })
    at = token.lastIndex
  }
  return segments
}

/** The values a path finds (AllowMissingKeys: a missing key finds nothing). */
function evaluate(object: unknown, path: Segment[]): unknown[] {
  let current: unknown[] = [object]
  for (const segment of path) {
    const next: unknown[] = []
    for (const value of current) {
      if ('field' in segment) {
        if (value && typeof value === 'object' && !Array.isArray(value) && segment.field in value) next.push((value as Record<string, unknown>)[segment.field])
      } else if ('index' in segment) {
        if (Array.isArray(value) && segment.index < value.length) next.push(value[segment.index])
      } else if ('all' in segment) {
        if (Array.isArray(value)) next.push(...value)
        else if (value && typeof value === 'object') next.push(...Object.values(value))
      } else if (Array.isArray(value)) {
        const { path: keys, value: want } = segment.filter
        next.push(...value.filter((item) => text(evaluate(item, keys.map((field) => ({ field })))[0]) === want))
      }
    }
    current = next
  }
  return current
}

/** How jsonpath prints a value: strings bare, other values as JSON. */
function text(value: unknown): string | undefined {
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * Whether `object` meets a condition or jsonpath check (delete is the caller's: the object's absence). Returns
 * an error text for a jsonpath that finds more than one value, as JSONPathWait does.
 */
export function isMet(object: KubeObject, check: Exclude<WaitFor, { kind: 'delete' }>): boolean | { error: string } {
  if (check.kind === 'condition') return conditionMet(object, check.name, check.status)
  const found = evaluate(object, check.path)
  if (found.length > 1) return { error: 'given jsonpath expression matches more than one value' }
  if (found.length === 0) return false
  if (check.value === undefined) return true
  const value = found[0]
  if (value !== null && typeof value === 'object') return { error: 'jsonpath leads to a nested object or list which is not supported' }
  return text(value) === check.value
}

/** ConditionalWait.checkCondition: the first condition of that type (case-folded), unless its observedGeneration is stale. */
function conditionMet(object: KubeObject, name: string, status: string): boolean {
  const conditions = (object.status as { conditions?: unknown } | undefined)?.conditions
  if (!Array.isArray(conditions)) return false
  for (const c of conditions as Array<Record<string, unknown>>) {
    if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue
    if (typeof c.status !== 'string') continue
    const generation = object.metadata.generation
    if (typeof generation === 'number') {
      const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : (object.status as { observedGeneration?: unknown }).observedGeneration
      if (typeof observed === 'number' && observed < generation) return false
    }
    return c.status.toLowerCase() === status.toLowerCase()
  }
  return false
}
