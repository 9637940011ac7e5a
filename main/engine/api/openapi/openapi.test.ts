import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DOCUMENTED_ONLY_RESOURCES, openAPIV3, openAPIV3Root } from '.'
import { RESOURCES } from '../../resources'

type Doc = { components: { schemas: Record<string, { 'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }> }> }; paths: Record<string, unknown> }

describe('the OpenAPI v3 documents the API server serves', () => {
  it("the root names each document with the SHA-512 of its bytes, upper-case hex, as kube-openapi's handler3 does", () => {
    const paths = Object.entries(openAPIV3Root().paths)
    expect(paths.length).toBeGreaterThan(0)
    for (const [gv, { serverRelativeURL }] of paths) {
      const doc = openAPIV3(gv)
      expect(doc, gv).toBeDefined()
      const hash = createHash('sha512').update(JSON.stringify(doc)).digest('hex').toUpperCase()
      expect(serverRelativeURL).toBe(`/openapi/v3/${gv}?hash=${hash}`)
    }
  })

  it('every kind Podlab serves, and every documented-only kind, has its schema and its list path in its group-version', () => {
    const kinds = [...RESOURCES.filter((r) => r.group !== 'metrics.k8s.io'), ...DOCUMENTED_ONLY_RESOURCES]
    for (const r of kinds) {
      const gvPath = r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`
      const doc = openAPIV3(gvPath) as Doc | undefined
      expect(doc, `${gvPath} for ${r.kind}`).toBeDefined()
      const gvks = Object.values(doc!.components.schemas).flatMap((s) => s['x-kubernetes-group-version-kind'] ?? [])
      expect(gvks, r.kind).toContainEqual({ group: r.group, version: r.version, kind: r.kind })
      const listPath = r.namespaced ? `/${gvPath}/namespaces/{namespace}/${r.resource}` : `/${gvPath}/${r.resource}`
      expect(Object.keys(doc!.paths), r.resource).toContain(listPath)
    }
  })

  it('a reference beside a description is written allOf: [{$ref}], as the v3 documents write it', () => {
    const pod = (openAPIV3('api/v1') as Doc).components.schemas['io.k8s.api.core.v1.Pod'] as unknown as { properties: Record<string, unknown> }
    expect(pod.properties.spec).toEqual({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec' }], description: expect.any(String) })
  })

  it('IntOrString and Quantity carry their OpenAPIV3OneOfTypes instead of type: string', () => {
    const schemas = (openAPIV3('api/v1') as Doc).components.schemas as Record<string, Record<string, unknown>>
    expect(schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] })
    expect(schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).not.toHaveProperty('type')
    expect(schemas['io.k8s.apimachinery.pkg.api.resource.Quantity']).toMatchObject({ oneOf: [{ type: 'string' }, { type: 'number' }] })
  })

  it("a +enum field carries its values and kube-openapi's \"Possible enum values\" paragraph; a slice of one, its items' values", () => {
    const schemas = (openAPIV3('api/v1') as Doc).components.schemas as Record<string, { properties: Record<string, { enum?: string[]; description?: string; items?: { enum?: string[] } }> }>
    const phase = schemas['io.k8s.api.core.v1.PodStatus']!.properties.phase!
    expect(phase.enum).toEqual(['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'])
    expect(phase.description).toMatch(/pod-lifecycle#pod-phase\n\nPossible enum values:\n - `"Failed"` means that all containers in the pod have terminated/)
    const restart = schemas['io.k8s.api.core.v1.PodSpec']!.properties.restartPolicy!
    expect(restart.description!.endsWith('\n\nPossible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`')).toBe(true)
    expect(schemas['io.k8s.api.core.v1.PersistentVolumeClaimSpec']!.properties.accessModes!.items!.enum).toEqual(['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'])
  })

  it('a group-version without a document is a 404 (undefined)', () => {
    expect(openAPIV3('apis/policy/v1')).toBeUndefined()
    expect(openAPIV3('toString')).toBeUndefined()
  })
})
