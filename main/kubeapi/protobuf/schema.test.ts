// The vendored schema hangs together: go-fields.json (read from the Go structs) names every field of each
// message it lists, in the .proto's own names, and every message a served kind reaches has its Go fields,
// so that no field is dropped for want of a table row.

import type { Type } from 'protobufjs'
import { describe, expect, it } from 'vitest'
import { protoSchema } from './schema'

/** The apimachinery types to-json.ts prints by their own rule, not by their fields. */
const SPECIAL = new Set([
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time',
  'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime',
  'k8s.io.apimachinery.pkg.api.resource.Quantity',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString',
  'k8s.io.apimachinery.pkg.runtime.RawExtension',
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1',
])

const KINDS = ['core.v1.Pod', 'core.v1.Node', 'core.v1.Namespace', 'core.v1.ConfigMap', 'core.v1.Secret', 'core.v1.Event', 'apps.v1.Deployment', 'apps.v1.ReplicaSet', 'batch.v1.Job', 'events.v1.Event', 'coordination.v1.Lease', 'autoscaling.v1.Scale', 'policy.v1.Eviction']

describe('the vendored protobuf schema', () => {
  it('has the Go fields of every message a served kind reaches, each .proto field among them', async () => {
    const schema = await protoSchema()
    const seen = new Set<string>()
    const missing: string[] = []
    const visit = (type: Type) => {
      const name = type.fullName.slice(1)
      if (seen.has(name) || SPECIAL.has(name)) return
      seen.add(name)
      const go = schema.goFields(name)
      if (!go) return void missing.push(`${name}: no Go fields`)
      const named = new Set(go.map((f) => f.proto))
      for (const f of type.fieldsArray) {
        if (!named.has(f.name)) missing.push(`${name}.${f.name}`)
        if (f.resolvedType && 'fieldsArray' in f.resolvedType) visit(f.resolvedType as Type)
      }
    }
    for (const kind of KINDS) {
      const type = schema.lookupType(`k8s.io.api.${kind}`)
      expect(type, kind).toBeDefined()
      visit(type as Type)
    }
    expect(missing).toEqual([])
    expect(seen.size).toBeGreaterThan(150)
  })

  it('names in its Go table every field of every message it has a row for (Service, CronJob... included)', async () => {
    const schema = await protoSchema()
    const missing: string[] = []
    let rows = 0
    const walk = (namespace: { nestedArray: unknown[] }) => {
      for (const nested of namespace.nestedArray) {
        const type = nested as Type
        if ('fieldsArray' in type) {
          const go = schema.goFields(type.fullName.slice(1))
          if (go) {
            rows++
            const named = new Set(go.map((f) => f.proto))
            for (const f of type.fieldsArray) if (!named.has(f.name)) missing.push(`${type.fullName}.${f.name}`)
          }
        }
        if ('nestedArray' in (nested as object)) walk(nested as { nestedArray: unknown[] })
      }
    }
    walk(schema.root)
    expect(missing).toEqual([])
    expect(rows).toBeGreaterThan(300)
  })
})
