// A protobuf request body (Content-Type application/vnd.kubernetes.protobuf) as the API server's protobuf
// serializer reads it (apimachinery pkg/runtime/serializer/protobuf/protobuf.go, Serializer.Decode): the 4-byte
// prefix `k8s\0`, then a runtime.Unknown whose typeMeta names the object's apiVersion and kind and whose raw
// holds the object's own message. The object comes out as the JSON its Go struct marshals to (./to-json.ts), so
// the rest of the door treats it as it treats a JSON body.

import type { Message, Type } from 'protobufjs'
import { protoSchema, type ProtoSchema } from './schema'
import { messageToJson, ProtobufValueError } from './to-json'

/** The content type kubectl 1.32+ sends typed-client bodies in (runtime.ContentTypeProtobuf). */
export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf'

/** serializer/protobuf: `var protoEncodingPrefix = []byte{0x6b, 0x38, 0x73, 0x00}`. */
export const PROTOBUF_PREFIX = Buffer.from([0x6b, 0x38, 0x73, 0x00])

/**
 * Why a body did not decode: `envelope` before the object's kind was known (the API server words it
 * `the object provided is unrecognized (must be of type K): ...`), `object` after
 * (`K in version "v" cannot be handled as a K: ...`).
 */
export class ProtobufDecodeError extends Error {
  constructor(
    readonly stage: 'envelope' | 'object',
    message: string,
    /** The kind and version the envelope named (defaulted from the URL), for the `object` stage's wording. */
    readonly gvk?: GroupVersionKind,
  ) {
    super(message)
    this.name = 'ProtobufDecodeError'
  }
}

export interface GroupVersionKind {
  group: string
  version: string
  kind: string
}

const gvString = (g: { group: string; version: string }) => (g.group === '' ? g.version : `${g.group}/${g.version}`)

/** The proto package of a group version: `apps` v1 is k8s.io.api.apps.v1, `events.k8s.io` v1 is k8s.io.api.events.v1. */
function packageOf(group: string, version: string): string {
  if (group === '') return `k8s.io.api.core.${version}`
  if (group === 'meta.k8s.io') return `k8s.io.apimachinery.pkg.apis.meta.${version}`
  return `k8s.io.api.${group.replace(/\.k8s\.io$/, '')}.${version}`
}

/** metav1.AddToGroupVersion registers the option kinds in every group version (register.go `optionsTypes`). */
const OPTION_KINDS = new Set(['ListOptions', 'GetOptions', 'DeleteOptions', 'CreateOptions', 'UpdateOptions', 'PatchOptions'])

/**
 * Go's words for what gogo-protobuf's generated Unmarshal reports (io.ErrUnexpectedEOF, skipGenerated's
 * `proto: illegal wireType N`); protobufjs's own message otherwise.
 */
function goUnmarshalError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  // protobufjs's indexOutOfRange: a length or a value that runs past the end.
  if (/index out of range/.test(message)) return 'unexpected EOF'
  const wire = /invalid wire type (\d+)/.exec(message)
  if (wire) return `proto: illegal wireType ${wire[1]}`
  return message
}

function decodeWith(type: Type, bytes: Uint8Array): Message {
  return type.decode(bytes)
}

/**
 * The JSON object of a protobuf body. `expected` is the URL's kind: it fills in an apiVersion or kind the
 * envelope leaves empty (copyKindDefaults). An object of a group version this door has no .proto for is
 * returned as `{kind, apiVersion}` only, so that the caller's group-version check answers it as the API server
 * does. Rejects with ProtobufDecodeError (the API server's serializer's words) for a body that is no protobuf
 * object, or a kind its group version does not have.
 */
export async function decodeProtobufObject(data: Buffer, expected: GroupVersionKind): Promise<Record<string, unknown>> {
  if (data.length === 0) throw new ProtobufDecodeError('envelope', 'empty data')
  if (data.length < PROTOBUF_PREFIX.length || !data.subarray(0, PROTOBUF_PREFIX.length).equals(PROTOBUF_PREFIX)) {
    throw new ProtobufDecodeError('envelope', `provided data does not appear to be a protobuf message, expected prefix [${[...PROTOBUF_PREFIX].join(' ')}]`)
  }
  if (data.length === PROTOBUF_PREFIX.length) throw new ProtobufDecodeError('envelope', 'empty body')
  const schema = await protoSchema()
  const unknownType = schema.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown') as Type
  let unknown: { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Uint8Array }
  try {
    unknown = decodeWith(unknownType, data.subarray(PROTOBUF_PREFIX.length)) as typeof unknown
  } catch (e) {
    throw new ProtobufDecodeError('envelope', goUnmarshalError(e))
  }
  const gvk = kindOf(unknown.typeMeta, expected)
  const apiVersion = gvString(gvk)
  const type = messageType(schema, gvk)
  if (!type) {
    if (apiVersion !== gvString(expected)) return { kind: gvk.kind, apiVersion }
    // runtime.notRegisteredErr, from the scheme's New (kube-apiserver's legacyscheme).
    throw new ProtobufDecodeError('object', `no kind "${gvk.kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`, gvk)
  }
  try {
    const object = messageToJson(schema, type, decodeWith(type, unknown.raw ?? new Uint8Array()))
    return { kind: gvk.kind, apiVersion, ...object }
  } catch (e) {
    throw new ProtobufDecodeError('object', e instanceof ProtobufValueError ? e.message : goUnmarshalError(e), gvk)
  }
}

/** The envelope's group, version and kind, each missing part from the URL's (protobuf.go copyKindDefaults). */
function kindOf(typeMeta: { apiVersion?: string; kind?: string } | undefined, expected: GroupVersionKind): GroupVersionKind {
  const apiVersion = typeMeta?.apiVersion ?? ''
  const slash = apiVersion.indexOf('/')
  let group = slash < 0 ? '' : apiVersion.slice(0, slash)
  let version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1)
  if (version === '') {
    group = expected.group
    version = expected.version
  }
  return { group, version, kind: typeMeta?.kind || expected.kind }
}

function messageType(schema: ProtoSchema, gvk: GroupVersionKind): Type | undefined {
  const pkg = OPTION_KINDS.has(gvk.kind) ? packageOf('meta.k8s.io', 'v1') : packageOf(gvk.group, gvk.version)
  return schema.lookupType(`${pkg}.${gvk.kind}`)
}
