// What `kubectl wait --for=...` checks on an object, after kubectl pkg/cmd/wait (v0.32.5): conditionFuncFor's
// parsing of --for, ConditionalWait.checkCondition (condition.go) and JSONPathWait (json.go), over client-go's
// JSONPath as printers/jsonpath ports it (the parser `wait`, missing keys allowed).

import type { KubeObject } from '../../../kube'
import { JsonPath, JsonPathExecuteError } from '../../printers/jsonpath/jsonpath'
import { JsonPathParseError } from '../../printers/jsonpath/parser'
import { goPrint } from '../../printers/jsonpath/go-value'
import { relaxedJsonPathExpression } from '../../printers/customcolumns'

export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'condition'; name: string; status: string }
  | { kind: 'jsonpath'; path: JsonPath; value: string | undefined }

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
    const relaxedSpec = relaxedJsonPathExpression(parts[0]!)
    if ('error' in relaxedSpec) return relaxedSpec
    const relaxed = { expression: relaxedSpec.spec }
    let value: string | undefined
    if (parts.length === 2) {
      value = parts[1]!.replace(/^['"]+|['"]+$/g, '')
      if (value === '') return { error: "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3" }
    }
    // newJSONPathParser.
    if (relaxed.expression === '') return { error: 'jsonpath expression cannot be empty' }
    const path = new JsonPath('wait').setAllowMissingKeys(true)
    try {
      path.parse(relaxed.expression)
    } catch (e) {
      if (e instanceof JsonPathParseError) return { error: e.message }
      throw e
    }
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

/**
 * Whether `object` meets a condition or jsonpath check (delete is the caller's: the object's absence). Returns
 * an error text for a jsonpath that finds more than one value, as JSONPathWait does.
 */
export function isMet(object: KubeObject, check: Exclude<WaitFor, { kind: 'delete' }>): boolean | { error: string } {
  if (check.kind === 'condition') return conditionMet(object, check.name, check.status)
  let results: unknown[][]
  try {
    results = check.path.findResults(object)
  } catch (e) {
    if (e instanceof JsonPathExecuteError) return { error: e.message }
    throw e
  }
  if (results.length === 0 || results[0]!.length === 0) return false
  if (results.length > 1) return { error: 'given jsonpath expression matches more than one list' }
  if (results[0]!.length > 1) return { error: 'given jsonpath expression matches more than one value' }
  if (check.value === undefined) return true
  const value = results[0]![0]
  if (value !== null && typeof value === 'object') return { error: 'jsonpath leads to a nested object or list which is not supported' }
  // compareResults: fmt's %v of the value against the expected text, both trimmed.
  return (typeof value === 'string' ? value : goPrint(value)).trim() === check.value.trim()
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
