// The Go values a JSONPath walks, as kubectl holds them: an unstructured object decoded from the API server's
// JSON, so maps are map[string]interface{}, arrays []interface{}, whole numbers int64 and the rest float64
// (apimachinery's json decoder keeps integers). JS values stand for them; a float literal of a template
// (`[?(@.x>1.5)]`) is a GoFloat so that `1.0` stays a float, as Go's comparisons tell int from float.
// Printing follows fmt (%v, %#v) and encoding/json (json.Marshal: sorted keys, HTML-safe).

import { goQuote } from '../../../gostd/gofmt'
import { formatFloatV as goFloatV, GoFloat } from '../../../gostd/sprintf'

export { GoFloat }
import { toJson, toJsonLine } from '../json'

/** A uint8: what indexing a Go string gives (`{.metadata.name.*}` walks the name's bytes). */
export class GoByte {
  constructor(readonly value: number) {}
}

export type GoKind = 'bool' | 'int' | 'uint' | 'float' | 'string' | 'map' | 'slice' | 'nil'

export function kindOf(v: unknown): GoKind {
  if (v === null || v === undefined || typeof v === 'symbol') return 'nil'
  if (v instanceof GoFloat) return 'float'
  if (v instanceof GoByte) return 'uint'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  if (typeof v === 'string') return 'string'
  if (Array.isArray(v)) return 'slice'
  return 'map'
}

/** The number inside a numeric Go value. */
export function numberOf(v: unknown): number {
  return v instanceof GoFloat || v instanceof GoByte ? v.value : (v as number)
}

/** reflect's Type().String() of a value, as errors print it (`map[string]interface {}`). */
export function goTypeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'map':
      return 'map[string]interface {}'
    case 'slice':
      return '[]interface {}'
    case 'int':
      return 'int64'
    case 'float':
      return 'float64'
    case 'uint':
      return 'uint8'
    case 'nil':
      return '<nil>'
    default:
      return kindOf(v)
  }
}

/** Go's string order: by UTF-8 bytes, which is code point order. */
export function goStringLess(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!
    if (d !== 0) return d
  }
  return x.length - y.length
}

/** A map's keys in the order Podlab walks them: sorted (Go's reflect MapKeys order is random). */
export function sortedKeys(m: object): string[] {
  return Object.keys(m).sort(goStringLess)
}

/** fmt.Fprint of a scalar (what JSONPath prints for a string, number or bool). */
export function goPrint(v: unknown): string {
  switch (kindOf(v)) {
    case 'nil':
      return '<nil>'
    case 'float':
      return goFloatV(numberOf(v))
    case 'map':
      return `map[${sortedKeys(v as object).map((k) => `${k}:${goPrint((v as Record<string, unknown>)[k])}`).join(' ')}]`
    case 'slice':
      return `[${(v as unknown[]).map(goPrint).join(' ')}]`
    default:
      return String(numberOf(v))
  }
}

/** fmt's %#v of an unstructured value (`map[string]interface {}{"a":"1"}`), as kubectl's debugging text prints it. */
export function goSharpV(v: unknown, inInterface = false): string {
  switch (kindOf(v)) {
    case 'nil':
      return 'interface {}(nil)'
    case 'string':
      return goQuote(v as string)
    case 'map':
      return `map[string]interface {}{${sortedKeys(v as object).map((k) => `${goQuote(k)}:${goSharpV((v as Record<string, unknown>)[k], true)}`).join(', ')}}`
    case 'slice':
      return `[]interface {}{${(v as unknown[]).map((e) => goSharpV(e, true)).join(', ')}}`
    case 'float':
      return goFloatV(numberOf(v))
    case 'uint':
      return inInterface ? `0x${numberOf(v).toString(16)}` : String(numberOf(v))
    default:
      return String(numberOf(v))
  }
}

/** json.Marshal: compact, keys sorted, HTML-safe. */
export function goMarshal(v: unknown): string {
  return toJsonLine(plain(v)).slice(0, -1)
}

/** json.MarshalIndent(v, "", "    ") plus the newline jsonpath-as-json adds. */
export function goMarshalIndent(v: unknown): string {
  return toJson(plain(v))
}

function plain(v: unknown): unknown {
  if (v instanceof GoFloat || v instanceof GoByte) return v.value
  if (Array.isArray(v)) return v.map(plain)
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, plain(e)]))
  return v
}
