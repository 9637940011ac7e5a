import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { typeForKind } from '../api/schema'
import { buildTable } from '../printers'
import { RESOURCES } from '../resources'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'
import { apiVersionOf, COMPUTED, definitionFor, definitionForKind, REGISTRY } from './registry'

// What `kubectl api-resources` lists for these kinds against a 1.32 API server, taken from the upstream source
// (pkg/registry/core/{pod,node,namespace,event}/storage/storage.go ShortNames / Categories).
const UPSTREAM = [
  { resource: 'pods', singular: 'pod', shortNames: ['po'], categories: ['all'], namespaced: true, kind: 'Pod' },
  { resource: 'nodes', singular: 'node', shortNames: ['no'], categories: [], namespaced: false, kind: 'Node' },
  { resource: 'namespaces', singular: 'namespace', shortNames: ['ns'], categories: [], namespaced: false, kind: 'Namespace' },
  { resource: 'events', singular: 'event', shortNames: ['ev'], categories: [], namespaced: true, kind: 'Event' },
  { resource: 'configmaps', singular: 'configmap', shortNames: ['cm'], categories: [], namespaced: true, kind: 'ConfigMap' },
  { resource: 'secrets', singular: 'secret', shortNames: [], categories: [], namespaced: true, kind: 'Secret' },
]

describe('the resource registry', () => {
  it("advertises every kind's discovery names as the real API server does", () => {
    for (const want of UPSTREAM) {
      const d = definitionFor(want.resource)
      expect({ resource: d?.resource, singular: d?.singular, shortNames: d?.shortNames, categories: d?.categories, namespaced: d?.namespaced, kind: d?.kind }).toEqual(want)
    }
  })

  it('is the only list: every folder under resources/ is a registered kind, and each kind once', () => {
    const here = import.meta.dirname
    const folders = readdirSync(here).filter((f) => statSync(join(here, f)).isDirectory())
    // events.k8s.io/v1 Events live in events/ beside core/v1's: one storage, one resource name, two groups.
    expect(folders.sort()).toEqual([...new Set(REGISTRY.map((d) => d.resource))].sort())
    expect(new Set(REGISTRY.map((d) => `${d.group}/${d.resource}`)).size).toBe(REGISTRY.length)
  })

  it('discovery (Engine.resources()) is a view of the registry, then the computed kinds (metrics.k8s.io)', () => {
    expect(RESOURCES.map((r) => r.resource)).toEqual([...REGISTRY, ...COMPUTED].map((d) => d.resource))
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    expect(engine.resources()).toEqual(RESOURCES)
    engine.close()
  })

  it("names each kind's schema type as the decoder knows it", () => {
    for (const d of REGISTRY) expect(d.schemaType).toBe(typeForKind(apiVersionOf(d), d.kind))
  })

  it('finds a plural in the core group first (kubectl get events is core/v1), and in a named group when asked', () => {
    expect(apiVersionOf(definitionFor('events')!)).toBe('v1')
    expect(apiVersionOf(definitionFor('events', 'events.k8s.io')!)).toBe('events.k8s.io/v1')
    expect(definitionFor('events', 'apps')).toBeUndefined()
  })

  it('advertises events.k8s.io/v1 Events with the core kind\'s names (the same REST storage)', () => {
    const v1 = definitionFor('events', 'events.k8s.io')
    expect({ singular: v1?.singular, shortNames: v1?.shortNames, namespaced: v1?.namespaced, kind: v1?.kind }).toEqual({
      singular: 'event',
      shortNames: ['ev'],
      namespaced: true,
      kind: 'Event',
    })
  })

  it('finds a kind by apiVersion and kind, and not by a wrong version', () => {
    expect(definitionForKind('v1', 'Pod')?.resource).toBe('pods')
    expect(definitionForKind('apps/v1', 'Pod')).toBeUndefined()
  })

  it("the printers use each kind's own Table, and NAME AGE for a resource without one", () => {
    expect(buildTable('nodes', [], 0, '1').columnDefinitions.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Name', 'Status', 'Roles', 'Age', 'Version']),
    )
    expect(buildTable('namespaces', [], 0, '1').columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Status', 'Age'])
    expect(buildTable('widgets', [], 0, '1').columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Age'])
  })
})
