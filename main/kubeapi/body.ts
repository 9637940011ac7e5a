// Request bodies: read up to the API server's limit (3 MiB, apiserver MaxRequestBodyBytes: 413 past it) and
// decoded as its handlers decode them. A body that is not JSON (or YAML) is answered with
// transformDecodeError's words (apiserver pkg/endpoints/handlers/rest.go): `the object provided is
// unrecognized (must be of type Pod): couldn't get version/kind; json parse error: <Go's error> (<summary>)`.

import type { IncomingMessage } from 'node:http'
import { createRequire } from 'node:module'
import { yamlToJSON } from '../gostd/goyaml/yaml-to-json'
import { goJsonSyntaxError } from '../gostd/json-syntax'
import { mediaTypes } from './negotiate'
import { decodeProtobufObject, PROTOBUF_CONTENT_TYPE, ProtobufDecodeError, type GroupVersionKind } from './protobuf/decode'
import { badRequest, DoorError, entityTooLarge, unsupportedMediaType } from './status'

/** The API server's MaxRequestBodyBytes (3 * 1024 * 1024 bytes; apiserver pkg/server/config.go). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024

/** The body types a create or update takes, in the API server's order (its serializers' SupportedMediaTypes). */
const OBJECT_TYPES = ['application/json', 'application/yaml', PROTOBUF_CONTENT_TYPE]

/** What Go's http server reads on past an unread body to keep the connection (net/http maxPostHandlerReadBytes). */
const DRAIN_BYTES = 256 * 1024

/**
 * The request's body, at most `limit` bytes. Rejects with DoorError 413 when it is longer (by its
 * Content-Length before reading anything, else once the limit is passed), with the connection's error when it
 * breaks off. A refused body is read on and dropped up to 256 KiB more, so the client hears the 413 and the
 * connection stays usable, as with Go's server; a longer one has its connection closed.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const refuse = () => {
      done = true
      reject(entityTooLarge(limit))
    }
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) refuse()
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (done) {
        if (size > limit + DRAIN_BYTES) req.destroy()
        return
      }
      if (size > limit) return refuse()
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (done) return
      done = true
      resolve(Buffer.concat(chunks))
    })
    req.on('error', (e) => {
      if (done) return
      done = true
      reject(e)
    })
  })
}

/** summarizeData(body, 30): the body's start for the error, as text when it opens an object, else in hex. */
export function summarizeData(data: Buffer, maxLength = 30): string {
  if (data.length === 0) return '<empty>'
  const head = data.subarray(0, maxLength)
  const more = data.length > maxLength ? ' ...' : ''
  return data[0] === 0x7b ? head.toString('utf8') + more : head.toString('hex') + more
}

/** What json.Unmarshal into the serializer's `struct { APIVersion, Kind }` says of a value that is no object. */
const FIND_KIND = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'

function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'number') return 'number'
  return 'bool'
}

/**
 * The object a create or update sent, in any body type the API server takes, as JSON. `expected` is the URL's
 * kind (for the errors, and what a protobuf envelope without apiVersion or kind stands for). Rejects with
 * DoorError: 415 for a body type the API server does not decode, 400 for a body that does not parse, worded as
 * handlers/rest.go transformDecodeError words the serializer's error.
 */
export async function decodeRequestObject(data: Buffer, contentType: string | undefined, expected: GroupVersionKind): Promise<unknown> {
  if (mediaTypes(contentType)[0]?.type !== PROTOBUF_CONTENT_TYPE) return decodeObjectBody(data, contentType, expected.kind)
  try {
    return await decodeProtobufObject(data, expected)
  } catch (e) {
    if (!(e instanceof ProtobufDecodeError)) throw e
    if (e.stage === 'object' && e.gvk) throw badRequest(`${e.gvk.kind} in version "${e.gvk.version}" cannot be handled as a ${expected.kind}: ${e.message}`)
    throw badRequest(`the object provided is unrecognized (must be of type ${expected.kind}): ${e.message} (${summarizeData(data)})`)
  }
}

/**
 * The object a create or update sent as JSON or YAML. `kind` is the kind of the URL's resource (for the error).
 * Throws DoorError: 415 for a body type this door does not decode, 400 for a body that does not parse.
 */
export function decodeObjectBody(data: Buffer, contentType: string | undefined, kind: string): unknown {
  const type = mediaTypes(contentType)[0]?.type ?? 'application/json'
  const unrecognized = (why: string) => badRequest(`the object provided is unrecognized (must be of type ${kind}): ${why} (${summarizeData(data)})`)
  if (type === 'application/yaml') {
    const text = data.toString('utf8')
    // go-yaml's own words (`yaml: line 4: did not find expected key`), from Podlab's port of its scanner and parser.
    const checked = yamlToJSON(text)
    if ('error' in checked) throw unrecognized(`error converting YAML to JSON: ${checked.error}`)
    let value: unknown
    try {
      // Required here, not at load: js-yaml is ~15 ms of every `podlab` start, and only YAML bodies need it.
      const { load } = createRequire(import.meta.url)('js-yaml') as typeof import('js-yaml')
      value = load(text.slice(0, checked.length))
    } catch (e) {
      const err = e as { mark?: { line: number }; reason?: string; message: string }
      // What go-yaml reads but js-yaml refuses: js-yaml's reason, in go-yaml's frame.
      const where = err.mark ? `line ${err.mark.line + 1}: ` : ''
      throw unrecognized(`error converting YAML to JSON: yaml: ${where}${err.reason ?? err.message}`)
    }
    return objectOrRefuse(value, unrecognized)
  }
  if (!OBJECT_TYPES.includes(type) || type === PROTOBUF_CONTENT_TYPE) throw unsupportedMediaType(OBJECT_TYPES)
  const text = data.toString('utf8')
  const syntax = goJsonSyntaxError(text)
  if (syntax) throw unrecognized(`couldn't get version/kind; json parse error: ${syntax}`)
  return objectOrRefuse(JSON.parse(text), unrecognized)
}

function objectOrRefuse(value: unknown, unrecognized: (why: string) => DoorError): unknown {
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw unrecognized(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonTypeName(value)} into Go value of type ${FIND_KIND}`)
  }
  return value
}

/** The JSON of a PATCH body (json-patch and strategic: Go's json.Unmarshal error as it is; merge: jsonpatch's ErrBadJSONPatch). */
export function decodePatchBody(data: Buffer, patchType: 'json' | 'merge' | 'strategic'): unknown {
  const text = data.toString('utf8')
  const syntax = goJsonSyntaxError(text)
  if (syntax) throw badRequest(patchType === 'merge' ? 'Invalid JSON Patch' : syntax)
  return JSON.parse(text)
}

/** handlers/delete.go's defaultGVK: `scope.MetaGroupVersion.WithKind("DeleteOptions")`. */
const DELETE_OPTIONS: GroupVersionKind = { group: 'meta.k8s.io', version: 'v1', kind: 'DeleteOptions' }

/**
 * A DELETE's body (metav1.DeleteOptions) in JSON or protobuf (`kubectl drain --disable-eviction` 1.32+ sends it
 * in protobuf); an empty body is none. Throws DoorError 400 with the serializer's own words (delete.go does
 * not wrap them as create.go does).
 */
export async function decodeRequestOptions(data: Buffer, contentType: string | undefined): Promise<Record<string, unknown>> {
  if (data.length === 0 || mediaTypes(contentType)[0]?.type !== PROTOBUF_CONTENT_TYPE) return decodeOptionsBody(data)
  let options: Record<string, unknown>
  try {
    options = await decodeProtobufObject(data, DELETE_OPTIONS)
  } catch (e) {
    if (e instanceof ProtobufDecodeError) throw badRequest(e.message)
    throw e
  }
  if (options.kind !== 'DeleteOptions') throw badRequest('decoded object cannot be converted to DeleteOptions')
  return options
}

/** A DELETE's JSON body (metav1.DeleteOptions); an empty body is none. */
function decodeOptionsBody(data: Buffer): Record<string, unknown> {
  if (data.length === 0) return {}
  const text = data.toString('utf8')
  const syntax = goJsonSyntaxError(text)
  if (syntax) throw badRequest(`couldn't get version/kind; json parse error: ${syntax}`)
  const value: unknown = JSON.parse(text)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {}
  return value as Record<string, unknown>
}


