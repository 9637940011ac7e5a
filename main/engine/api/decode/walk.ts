// Decodes a JSON value against the schema the way the API server's decoder does
// (sigs.k8s.io/json, the encoding/json fork used by apimachinery's json serializer, as vendored for 1.32):
//
// - object keys are visited in the order they arrive; kubectl sends JSON produced by json.Marshal of a map,
//   so keys arrive sorted, and we sort them the same way (byte order);
// - an unknown key is recorded as a strict error with its path (`spec.containers[0].ports[0].containerport`)
//   and its value is skipped unread, so nothing below it is reported;
// - a value of the wrong JSON type is a "saved" UnmarshalTypeError: only the first one is kept and decoding
//   goes on; its text names the innermost Go struct and the JSON field names from the root, without indexes
//   (`Go struct field Container.spec.containers.ports of type []v1.ContainerPort`);
// - a custom UnmarshalJSON failing (Quantity, IntOrString, Time) aborts decoding with its own error;
// - a Quantity comes out as the string the API server would serialise (resource.Quantity.String()).
//
// The decoded copy it returns drops unknown fields and nulls, as a round trip through the Go struct would.

import { typeSpec, impliedGoType, type Shape } from '../schema'
import { canonicalQuantity } from '../../../gostd/quantity-canonical'
import { decodeStdBase64, encodeStdBase64 } from '../../../gostd/base64'
import { rfc3339Error } from './scalars'

export interface DecodeOutcome {
  /** The value as the Go struct would hold it: unknown fields and null fields removed. */
  value: unknown
  /** Strict-decoding errors in report order: paths of unknown fields. */
  unknownFields: string[]
  /** The decode error that makes the request fail whatever the field validation, e.g. a type mismatch. */
  error: string | null
}

interface Context {
  /** sigs.k8s.io/json strictFieldStack: `spec.containers[1]`. */
  path: string
  /** encoding/json errorContext.FieldStack: JSON names from the root, no indexes or map keys. */
  fieldStack: string[]
  /** errorContext.Struct: the Go struct holding the field being decoded. */
  struct: string | null
}

const MAX_STRICT_ERRORS = 100

type JsonKind = 'string' | 'number' | 'bool' | 'array' | 'object'

function jsonKind(v: unknown): JsonKind {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number' || typeof v === 'bigint') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

/** The JSON text encoding/json would have seen for a number (ES and Go format floats alike). */
function numberText(v: unknown): string {
  return String(v)
}

/** Go's sort.Strings order: bytewise on UTF-8, i.e. by code point. */
function byteOrder(a: string, b: string): number {
  const ca = [...a]
  const cb = [...b]
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = (ca[i]?.codePointAt(0) ?? 0) - (cb[i]?.codePointAt(0) ?? 0)
    if (d !== 0) return d
  }
  return ca.length - cb.length
}

function elementGoType(goType: string, of: Shape): string {
  if (goType.startsWith('[]')) return goType.slice(2)
  if (goType.startsWith('map[')) {
    let depth = 0
    for (let i = 3; i < goType.length; i++) {
      if (goType[i] === '[') depth++
      else if (goType[i] === ']' && --depth === 0) return goType.slice(i + 1)
    }
  }
  return impliedGoType(of)
}

function zeroValue(shape: Shape): unknown {
  if (shape.kind === 'struct') return {}
  if (shape.kind !== 'scalar') return null
  switch (shape.name) {
    case 'string':
    case 'bytes':
      return ''
    case 'int32':
    case 'int64':
    case 'float64':
      return 0
    case 'bool':
      return false
    case 'quantity':
      return '0'
    case 'intstr':
      return 0
    default:
      return null
  }
}

class Decoder {
  readonly unknown: string[] = []
  private readonly seen = new Set<string>()
  saved: string | null = null
  fatal: string | null = null

  private typeError(what: string, goType: string, ctx: Context): string {
    if (ctx.struct !== null || ctx.fieldStack.length > 0) {
      return `json: cannot unmarshal ${what} into Go struct field ${ctx.struct ?? ''}.${ctx.fieldStack.join('.')} of type ${goType}`
    }
    return `json: cannot unmarshal ${what} into Go value of type ${goType}`
  }

  private save(what: string, goType: string, ctx: Context): undefined {
    this.saved ??= this.typeError(what, goType, ctx)
    return undefined
  }

  private abort(message: string): undefined {
    this.fatal = message
    return undefined
  }

  private strict(path: string): void {
    if (this.unknown.length >= MAX_STRICT_ERRORS || this.seen.has(path)) return
    this.seen.add(path)
    this.unknown.push(path)
  }

  walk(value: unknown, shape: Shape, goType: string, ctx: Context): unknown {
    switch (shape.kind) {
      case 'struct':
        return this.struct(value, shape.type, goType, ctx)
      case 'list':
        return this.list(value, shape, goType, ctx)
      case 'map':
        return this.map(value, shape, goType, ctx)
      case 'scalar':
        return this.scalar(value, shape.name, goType, ctx)
    }
  }

  private struct(value: unknown, type: string, goType: string, ctx: Context): unknown {
    const kind = jsonKind(value)
    if (kind !== 'object') return this.save(kind, goType, ctx)
    const spec = typeSpec(type)
    if (!spec) throw new Error(`schema: no type ${type}`)
    const input = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(input).sort(byteOrder)) {
      const field = spec.fields.get(key)
      const path = ctx.path === '' ? key : `${ctx.path}.${key}`
      if (!field) {
        this.strict(path)
        continue
      }
      const v = input[key]
      if (v === null || v === undefined) continue
      const decoded = this.walk(v, field.shape, field.goType, { path, fieldStack: [...ctx.fieldStack, key], struct: spec.go })
      if (this.fatal !== null) return undefined
      if (decoded !== undefined) out[key] = decoded
    }
    return out
  }

  private list(value: unknown, shape: Shape & { kind: 'list' }, goType: string, ctx: Context): unknown {
    const kind = jsonKind(value)
    if (kind !== 'array') return this.save(kind, goType, ctx)
    const elemGo = elementGoType(goType, shape.of)
    const out: unknown[] = []
    for (const [i, el] of (value as unknown[]).entries()) {
      if (el === null || el === undefined) {
        out.push(zeroValue(shape.of))
        continue
      }
      const decoded = this.walk(el, shape.of, elemGo, { ...ctx, path: `${ctx.path}[${i}]` })
      if (this.fatal !== null) return undefined
      out.push(decoded === undefined ? zeroValue(shape.of) : decoded)
    }
    return out
  }

  private map(value: unknown, shape: Shape & { kind: 'map' }, goType: string, ctx: Context): unknown {
    const kind = jsonKind(value)
    if (kind !== 'object') return this.save(kind, goType, ctx)
    const elemGo = elementGoType(goType, shape.of)
    const input = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(input).sort(byteOrder)) {
      const v = input[key]
      if (v === null || v === undefined) {
        out[key] = zeroValue(shape.of)
        continue
      }
      const decoded = this.walk(v, shape.of, elemGo, { ...ctx, path: `${ctx.path}.${key}` })
      if (this.fatal !== null) return undefined
      out[key] = decoded === undefined ? zeroValue(shape.of) : decoded
    }
    return out
  }

  private scalar(value: unknown, name: string, goType: string, ctx: Context): unknown {
    const kind = jsonKind(value)
    switch (name) {
      case 'string':
        return kind === 'string' ? value : this.save(kind, goType, ctx)
      case 'bytes': {
        // encoding/json decodes a []byte from standard base64 (saveError: the first bad one is reported after the
        // whole body) and the API server writes it back canonical (newlines gone).
        if (kind !== 'string') return this.save(kind, goType, ctx)
        const decoded = decodeStdBase64(new TextEncoder().encode(value as string))
        if (!decoded.ok) {
          this.saved ??= decoded.message
          return undefined
        }
        return encodeStdBase64(decoded.bytes)
      }
      case 'bool':
        return kind === 'bool' ? value : this.save(kind, goType, ctx)
      case 'float64':
        return kind === 'number' ? value : this.save(kind, goType, ctx)
      case 'int32':
      case 'int64':
        if (kind !== 'number') return this.save(kind, goType, ctx)
        return fitsInt(value, name) ? value : this.save(`number ${numberText(value)}`, goType, ctx)
      case 'quantity': {
        // Quantity.UnmarshalJSON parses the trimmed text; the struct then marshals Quantity.String():
        // the input itself when already canonical, else the canonical form (`0.5` -> "500m", `1024Mi` -> "1Gi").
        const text = kind === 'string' ? (value as string).trim() : kind === 'number' || kind === 'bool' ? numberText(value) : JSON.stringify(value)
        const parsed = canonicalQuantity(text)
        return parsed.ok ? parsed.value : this.abort(parsed.error)
      }
      case 'intstr':
        // IntOrString.UnmarshalJSON: a JSON string is the string form, anything else is json.Unmarshal'd
        // into an int32, whose UnmarshalTypeError gets the field context added on the way out.
        if (kind === 'string') return value
        if (kind === 'number' && fitsInt(value, 'int32')) return value
        return this.abort(this.typeError(kind === 'number' ? `number ${numberText(value)}` : kind, 'int32', ctx))
      case 'time': {
        if (kind !== 'string') return this.abort(this.typeError(kind, 'string', ctx))
        const err = rfc3339Error(value as string)
        return err === null ? value : this.abort(err)
      }
      default:
        return value
    }
  }
}

function fitsInt(value: unknown, name: 'int32' | 'int64' | string): boolean {
  if (typeof value === 'bigint') return name === 'int64' ? value >= -(2n ** 63n) && value < 2n ** 63n : value >= -(2n ** 31n) && value < 2n ** 31n
  const n = value as number
  if (!Number.isInteger(n)) return false
  // A JSON number reaches us as a double: int64 max, 9223372036854775807, reads as 2^63, which must stand for it
  // (the API accepts int64 max); the few larger integers that round to 2^63 too are accepted with it.
  return name === 'int32' ? n >= -(2 ** 31) && n < 2 ** 31 : n >= -(2 ** 63) && n <= 2 ** 63
}

/** Decodes `value` as a `type` (e.g. `core.v1.Pod`), reporting what the API server's decoder would. */
export function decodeAs(type: string, value: unknown): DecodeOutcome {
  const d = new Decoder()
  const goType = 'v1.' + type.split('.').pop()
  const decoded = d.walk(value, { kind: 'struct', type }, goType, { path: '', fieldStack: [], struct: null })
  const error = d.fatal ?? d.saved
  return { value: error === null ? decoded : undefined, unknownFields: error === null ? d.unknown : [], error }
}
