// A decoded Kubernetes protobuf message as the JSON the API server's Go structs would marshal to: the same
// object a JSON client sends for it (kubectl 1.31's `create deployment` body and kubectl 1.32's protobuf one give
// the same object here; see to-json.test.ts). Generic, driven by the .proto types and the Go struct table
// (schema.ts); only the apimachinery types with their own JSON form are special:
// meta/v1 Time and MicroTime (time_proto.go, micro_time_proto.go), resource.Quantity, intstr.IntOrString,
// runtime.RawExtension and meta/v1 FieldsV1 (raw JSON bytes).

import type { Field, Message, Type } from 'protobufjs'
import type { GoField, ProtoSchema } from './schema'

/** What the converter raises: a field whose bytes are not what its type says (raw JSON that is not JSON). */
export class ProtobufValueError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProtobufValueError'
  }
}

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1'

type Special = (message: Message) => unknown

/** The apimachinery types whose JSON is not their message's fields. */
const SPECIAL: Record<string, Special> = {
  // time_proto.go Unmarshal: an empty message is the zero Time (JSON null); nanos are dropped ("our JSON only
  // handled seconds"); time.go MarshalJSON: RFC3339 in UTC.
  [`${META}.Time`]: (m) => (isEmpty(m) ? null : rfc3339(seconds(m), 0)),
  // micro_time_proto.go keeps the nanos; micro_time.go prints RFC3339Micro (6 digits).
  [`${META}.MicroTime`]: (m) => (isEmpty(m) ? null : rfc3339(seconds(m), Math.floor(Number(field(m, 'nanos') ?? 0) / 1000), 6)),
  // generated.proto: `optional string string = 1`, the canonical form (quantity_proto.go).
  'k8s.io.apimachinery.pkg.api.resource.Quantity': (m) => (field(m, 'string') as string | undefined) ?? '0',
  // intstr.go MarshalJSON: type 1 (String) is its strVal, otherwise its intVal.
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': (m) =>
    Number(field(m, 'type') ?? 0) === 1 ? ((field(m, 'strVal') as string | undefined) ?? '') : Number(field(m, 'intVal') ?? 0),
  // runtime.RawExtension MarshalJSON: its raw bytes, which JSON clients and kubectl fill with JSON; nil is null.
  'k8s.io.apimachinery.pkg.runtime.RawExtension': (m) => rawJson(field(m, 'raw'), 'RawExtension'),
  [`${META}.FieldsV1`]: (m) => rawJson(field(m, 'Raw'), 'FieldsV1'),
}

function field(m: Message, name: string): unknown {
  return Object.hasOwn(m, name) ? (m as unknown as Record<string, unknown>)[name] : undefined
}

function isEmpty(m: Message): boolean {
  return Object.keys(m).length === 0
}

function seconds(m: Message): number {
  return toNumber(field(m, 'seconds') ?? 0)
}

/** Unix seconds of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years Time.MarshalJSON prints. */
const FIRST_SECOND = -62167219200
const LAST_SECOND = 253402300799

/**
 * `2026-12-01T13:34:37Z` (fraction digits: 0, or 6 for MicroTime), as Go's time.Format in UTC. Throws
 * ProtobufValueError, as MarshalJSON fails, for a year outside 0-9999.
 */
function rfc3339(unixSeconds: number, fraction: number, digits = 0): string {
  if (!(unixSeconds >= FIRST_SECOND && unixSeconds <= LAST_SECOND)) throw new ProtobufValueError('Time.MarshalJSON: year outside of range [0,9999]')
  const iso = new Date(unixSeconds * 1000).toISOString().slice(0, 19)
  return digits === 0 ? `${iso}Z` : `${iso}.${String(fraction).padStart(digits, '0')}Z`
}

function rawJson(bytes: unknown, type: string): unknown {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return null
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    throw new ProtobufValueError(`${type} bytes are not JSON; Podlab decodes only JSON inside protobuf objects`)
  }
}

/** int64 fields come as Long objects (protobufjs with the `long` package), the rest as numbers. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'toNumber' in value) return (value as { toNumber(): number }).toNumber()
  return Number(value)
}

function isZero(value: unknown): boolean {
  return value === '' || value === 0 || value === false || (value instanceof Uint8Array && value.length === 0)
}

/**
 * The JSON object of a decoded message of type `type`. Throws ProtobufValueError when a raw-JSON field
 * (RawExtension, FieldsV1) holds something else.
 */
export function messageToJson(schema: ProtoSchema, type: Type, message: Message): Record<string, unknown> {
  return convertMessage(schema, type, message) as Record<string, unknown>
}

function convertMessage(schema: ProtoSchema, type: Type, message: Message): unknown {
  const name = type.fullName.slice(1)
  const special = SPECIAL[name]
  if (special) return special(message)
  const out: Record<string, unknown> = {}
  const goFields = schema.goFields(name) ?? type.fieldsArray.map(protoOnly)
  for (const go of goFields) {
    const f = type.fields[go.proto]
    if (!f) continue
    const value = (message as unknown as Record<string, unknown>)[go.proto]
    if (go.inline) {
      if (Object.hasOwn(message, go.proto) && f.resolvedType) Object.assign(out, convertMessage(schema, f.resolvedType as Type, value as Message))
      continue
    }
    const converted = convertField(schema, f, go, value, Object.hasOwn(message, go.proto))
    if (converted !== undefined) out[go.json] = converted
  }
  return out
}

/** A message field the Go table does not know (a proto-only type): printed when set. */
function protoOnly(f: Field): GoField {
  return { proto: f.name, json: f.name, inline: false, pointer: true, keepZero: true }
}

/** The JSON of one field, or undefined where json.Marshal leaves it out. */
function convertField(schema: ProtoSchema, f: Field, go: GoField, value: unknown, present: boolean): unknown {
  if (f.map) {
    const entries = Object.entries((value ?? {}) as Record<string, unknown>)
    if (entries.length === 0) return undefined
    // encoding/json sorts a map's keys.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([k, v]) => [k, convertValue(schema, f, v)]))
  }
  if (f.repeated) {
    const items = (value ?? []) as unknown[]
    return items.length === 0 ? undefined : items.map((v) => convertValue(schema, f, v))
  }
  if (!present) return undefined
  const converted = convertValue(schema, f, value)
  // gogo-protobuf writes every non-pointer scalar; json.Marshal drops the zero ones tagged omitempty.
  if (!f.resolvedType && isZero(converted) && !go.pointer && !go.keepZero) return undefined
  return converted
}

/** A map's value, a list's item or a single field's value (`f.type` the value's type, for a map too). */
function convertValue(schema: ProtoSchema, f: Pick<Field, 'resolvedType' | 'type'>, value: unknown): unknown {
  if (f.resolvedType && 'fieldsArray' in f.resolvedType) return convertMessage(schema, f.resolvedType as Type, value as Message)
  switch (f.type) {
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      return toNumber(value)
    case 'bytes':
      // encoding/json writes []byte as standard base64 (a Secret's data).
      return Buffer.from(value as Uint8Array).toString('base64')
    default:
      return value
  }
}
