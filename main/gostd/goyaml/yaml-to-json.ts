// sigs.k8s.io/yaml v1.4.0 YAMLToJSON's errors (yaml.go yamlToJSONTarget): go-yaml v2 Unmarshal of the first
// document into an interface{} (the scanner, parser and decoder ported beside this file), then
// convertToJSONableObject, then json.Marshal. Podlab uses this as a validator in front of js-yaml: when it
// finds nothing wrong, js-yaml builds the value; otherwise the error reads as kubectl's.

import { composeFirstDocument } from './compose'
import { decodeTree } from './decode'
import { YamlError } from './errors'

/** What go-yaml made of one document's text: YAMLToJSON's error, or how much of the text it read. */
export type YamlToJson = { error: string } | { length: number }

/**
 * The error YAMLToJSON returns for one document's text (as kubectl's YAMLReader cut it); or, when go-yaml
 * reads it, the length (UTF-16 units) of the text its first document spans, which is all yaml.Unmarshal
 * reads. The error text is go-yaml's: "yaml: line 7: did not find expected key" (a parser error's line
 * counted from 0, a scanner error's from 1, no line on the first), "yaml: unknown anchor 'x' referenced", or
 * sigs.k8s.io/yaml's "unsupported map key of type: <nil>, ...". `maxDepth` lowers go-yaml's 10000 nesting
 * levels (flow and block, each). Non-YAML exceptions propagate.
 */
export function yamlToJSON(text: string, maxDepth?: number): YamlToJson {
  try {
    const { root, end } = composeFirstDocument(text, maxDepth)
    if (root !== null) decodeTree(root)
    return { length: end === null ? text.length : utf16Offset(text, end.index) }
  } catch (e) {
    if (e instanceof YamlError) return { error: e.text }
    throw e
  }
}

/** The UTF-16 offset of the character go-yaml's mark counts (code points, after a leading BOM). */
function utf16Offset(text: string, index: number): number {
  let offset = text.startsWith('\ufeff') ? 1 : 0
  for (let i = 0; i < index && offset < text.length; i++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1
  return Math.min(offset, text.length)
}

/**
 * json.Marshal's error for a decoded value holding a float JSON cannot write (`.inf`, `.nan`):
 * "json: unsupported value: +Inf", the first met in encoding/json's order (map keys sorted), or null.
 */
export function jsonUnsupportedValue(value: unknown): string | null {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return null
    return `json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = jsonUnsupportedValue(item)
      if (found !== null) return found
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value).sort()) {
      const found = jsonUnsupportedValue((value as Record<string, unknown>)[key])
      if (found !== null) return found
    }
  }
  return null
}
