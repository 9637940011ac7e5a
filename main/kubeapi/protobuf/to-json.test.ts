// Round trips: an object protobufjs encodes from the vendored .proto files decodes to the JSON the Go struct
// marshals to, for each type with a JSON form of its own and for the Go struct facts (pointers, omitempty,
// inline structs) the .proto cannot say.

import { describe, expect, it } from 'vitest'
import { encodeProtobufObject } from '../testing/protobuf'
import { decodeProtobufObject, ProtobufDecodeError } from './decode'

const POD = { group: '', version: 'v1', kind: 'Pod' }

async function roundTrip(object: Record<string, unknown>, pkg = 'k8s.io.api.core.v1', apiVersion = 'v1', kind = 'Pod') {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  return decodeProtobufObject(await encodeProtobufObject(`${pkg}.${kind}`, { apiVersion, kind }, object), { group: group as string, version: version as string, kind })
}

describe('a protobufjs-encoded object decoded through the door', () => {
  it('prints Time as RFC3339 seconds in UTC, and an empty Time as null', async () => {
    const pod = await roundTrip({ metadata: { name: 'p', creationTimestamp: { seconds: 1735689600, nanos: 5 }, deletionTimestamp: {} } })
    expect(pod.metadata).toEqual({ name: 'p', creationTimestamp: '2025-01-01T00:00:00Z', deletionTimestamp: null })
  })

  it('prints IntOrString as a number or a string, and Quantity as its string', async () => {
    const pod = await roundTrip({
      spec: {
        containers: [
          {
            name: 'c',
            resources: { limits: { cpu: { string: '200m' }, memory: { string: '64Mi' } } },
            livenessProbe: { handler: { httpGet: { port: { type: 1, strVal: 'http' }, path: '/' } } },
            readinessProbe: { handler: { tcpSocket: { port: { type: 0, intVal: 8080 } } } },
          },
        ],
      },
    })
    const container = (pod.spec as { containers: Array<Record<string, any>> }).containers[0] as Record<string, any>
    expect(container.resources).toEqual({ limits: { cpu: '200m', memory: '64Mi' } })
    // Probe's ProbeHandler is inline in JSON (`json:",inline"`), a field `handler` in the .proto.
    expect(container.livenessProbe).toEqual({ httpGet: { path: '/', port: 'http' } })
    expect(container.readinessProbe).toEqual({ tcpSocket: { port: 8080 } })
  })

  it('keeps a pointer field set to zero and drops a zero omitempty one', async () => {
    const pod = await roundTrip({
      metadata: { name: 'p', generateName: '', generation: 0 },
      spec: { terminationGracePeriodSeconds: 0, automountServiceAccountToken: false, hostNetwork: false, nodeName: '' },
    })
    expect(pod.metadata).toEqual({ name: 'p' })
    expect(pod.spec).toEqual({ terminationGracePeriodSeconds: 0, automountServiceAccountToken: false })
  })

  it('prints bytes as base64 and keeps map keys sorted', async () => {
    const secret = await roundTrip({ metadata: { name: 's' }, data: { b: Buffer.from('two'), a: Buffer.from('one') }, type: 'Opaque' }, 'k8s.io.api.core.v1', 'v1', 'Secret')
    expect(JSON.stringify(secret)).toBe('{"kind":"Secret","apiVersion":"v1","metadata":{"name":"s"},"data":{"a":"b25l","b":"dHdv"},"type":"Opaque"}')
  })

  it('prints MicroTime with microseconds and FieldsV1 as its JSON', async () => {
    const event = await roundTrip(
      {
        metadata: { name: 'e', managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { Raw: Buffer.from('{"f:note":{}}') } }] },
        eventTime: { seconds: 1735689600, nanos: 123456789 },
        note: 'n',
      },
      'k8s.io.api.events.v1',
      'events.k8s.io/v1',
      'Event',
    )
    expect(event.eventTime).toBe('2025-01-01T00:00:00.123456Z')
    expect((event.metadata as { managedFields: unknown[] }).managedFields).toEqual([{ manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:note': {} } }])
  })

  it('refuses a Time whose year JSON cannot print, as Time.MarshalJSON does', async () => {
    const failure = await roundTrip({ metadata: { name: 'p', creationTimestamp: { seconds: 253402300800 } } }).catch((e: unknown) => e)
    expect((failure as ProtobufDecodeError).message).toBe('Time.MarshalJSON: year outside of range [0,9999]')
    const last = await roundTrip({ metadata: { name: 'p', creationTimestamp: { seconds: 253402300799 } } })
    expect((last.metadata as { creationTimestamp: string }).creationTimestamp).toBe('9999-12-31T23:59:59Z')
  })

  it('refuses a FieldsV1 that is not JSON, naming the type', async () => {
    const failure = await roundTrip({ metadata: { name: 'p', managedFields: [{ fieldsV1: { Raw: Buffer.from([0x01, 0x02]) } }] } }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ProtobufDecodeError)
    expect((failure as ProtobufDecodeError).message).toBe('FieldsV1 bytes are not JSON; Podlab decodes only JSON inside protobuf objects')
  })

  it('takes the URL\'s kind and version for an envelope that names none (copyKindDefaults)', async () => {
    const body = await encodeProtobufObject('k8s.io.api.core.v1.Pod', { apiVersion: '', kind: '' }, { metadata: { name: 'p' } })
    expect(await decodeProtobufObject(body, POD)).toEqual({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p' } })
  })

  it('leaves an object of a group version it has no .proto for to the group-version check', async () => {
    const body = await encodeProtobufObject('k8s.io.api.core.v1.Pod', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' }, {})
    expect(await decodeProtobufObject(body, POD)).toEqual({ kind: 'Ingress', apiVersion: 'networking.k8s.io/v1' })
  })
})
