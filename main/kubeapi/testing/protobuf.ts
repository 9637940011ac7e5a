// Protobuf bodies for the door's tests, as client-go's protobuf serializer writes them: `k8s\0`, then a
// runtime.Unknown with the object's apiVersion and kind and its message, encoded by protobufjs from the
// vendored .proto files. `object` is in the .proto's shape (IntOrString as {type, intVal|strVal}, Time as
// {seconds}, Quantity as {string}, inline structs under their proto field), which protobufjs's fromObject takes.

import { protoSchema } from '../protobuf/schema'
import { PROTOBUF_PREFIX } from '../protobuf/decode'

/**
 * `object` encoded as the message `messageName` (`k8s.io.api.apps.v1.Deployment`) in an envelope saying
 * `typeMeta` (what a client claims it sent; it may differ from the message, or be empty).
 */
export async function encodeProtobufObject(messageName: string, typeMeta: { apiVersion: string; kind: string }, object: Record<string, unknown>): Promise<Buffer> {
  const schema = await protoSchema()
  const type = schema.lookupType(messageName)
  if (!type) throw new Error(`no message ${messageName}`)
  const raw = type.encode(type.fromObject(object)).finish()
  const unknown = schema.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown')
  if (!unknown) throw new Error('no runtime.Unknown')
  const envelope = unknown.encode(unknown.fromObject({ typeMeta, raw, contentEncoding: '', contentType: '' })).finish()
  return Buffer.concat([PROTOBUF_PREFIX, envelope])
}

export const PROTOBUF = 'application/vnd.kubernetes.protobuf'
