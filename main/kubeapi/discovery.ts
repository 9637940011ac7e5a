// Discovery for the resources the engine serves: the legacy documents (APIVersions at /api, APIGroupList at
// /apis, APIGroup at /apis/GROUP, APIResourceList at /api/v1 and /apis/GROUP/VERSION) and the aggregated one
// (APIGroupDiscoveryList, apidiscovery.k8s.io v2 or v2beta1). Shapes and field order as apimachinery
// pkg/apis/meta/v1/types.go and k8s.io/api/apidiscovery/v2/types.go serialise them; which subresources are
// listed is what this door serves (kubectl-wire.md §2: kubectl needs none of them).

import { apiVersionOf, type ResourceRef } from '../engine'

/** The subresources this door serves, as discovery lists them (endpoints/installer.go registers each). */
const SUBRESOURCES: Record<string, Array<{ name: string; group: string; version: string; kind: string; verbs: string[] }>> = {
  'apps/deployments': [{ name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] }],
  'apps/replicasets': [{ name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] }],
  '/pods': [{ name: 'eviction', group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] }],
}

/**
 * The order kube-apiserver lists its groups in (the aggregator's group priorities, pkg/controlplane/apiserver
 * DefaultGenericAPIServicePriorities): apps first, aggregated APIs such as metrics.k8s.io last.
 */
const GROUP_ORDER = ['apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch', 'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io', 'discovery.k8s.io', 'flowcontrol.apiserver.k8s.io', 'metrics.k8s.io']

export interface GroupVersion {
  group: string
  version: string
}


/** The groups other than the core one, in kube-apiserver's order, each with its versions. */
export function apiGroups(resources: readonly ResourceRef[]): Array<{ name: string; versions: string[] }> {
  const groups = new Map<string, string[]>()
  for (const r of resources) {
    if (r.group === '') continue
    const versions = groups.get(r.group) ?? []
    if (!versions.includes(r.version)) versions.push(r.version)
    groups.set(r.group, versions)
  }
  const rank = (g: string) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length)
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([name, versions]) => ({ name, versions }))
}

/** GET /api: metav1.APIVersions; `serverAddress` is where the client reached this server (host:port). */
export function apiVersions(serverAddress: string): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] }
}

function groupDocument(name: string, versions: string[]): { name: string; versions: unknown[]; preferredVersion: unknown } {
  const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }))
  return { name, versions: entries, preferredVersion: entries[0] }
}

/** GET /apis: metav1.APIGroupList. */
export function apiGroupList(resources: readonly ResourceRef[]): unknown {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: apiGroups(resources).map((g) => groupDocument(g.name, g.versions)) }
}

/** GET /apis/GROUP: metav1.APIGroup, or undefined for a group not served. */
export function apiGroup(resources: readonly ResourceRef[], group: string): unknown {
  const found = apiGroups(resources).find((g) => g.name === group)
  return found && { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(found.name, found.versions) }
}

/** The resources served in one group version, in the engine's order. */
export function resourcesIn(resources: readonly ResourceRef[], gv: GroupVersion): ResourceRef[] {
  return resources.filter((r) => r.group === gv.group && r.version === gv.version)
}

/** GET /api/v1, /apis/GROUP/VERSION: metav1.APIResourceList, or undefined for a group version not served. */
export function apiResourceList(resources: readonly ResourceRef[], gv: GroupVersion): unknown {
  const served = resourcesIn(resources, gv)
  if (served.length === 0) return undefined
  const list: unknown[] = []
  for (const r of served) {
    list.push({
      name: r.resource,
      singularName: r.singular ?? '',
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs ?? [],
      ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories?.length ? { categories: r.categories } : {}),
    })
    for (const s of SUBRESOURCES[`${r.group}/${r.resource}`] ?? []) {
      list.push({ name: `${r.resource}/${s.name}`, singularName: '', namespaced: r.namespaced, group: s.group, version: s.version, kind: s.kind, verbs: s.verbs })
    }
  }
  // The core group's list carries no apiVersion (it predates groups); the others say v1.
  return { kind: 'APIResourceList', ...(gv.group ? { apiVersion: 'v1' } : {}), groupVersion: apiVersionOf(gv), resources: list }
}

/** The aggregated discovery versions kubectl asks for (1.27: v2beta1 only; 1.28+: v2, then v2beta1). */
export type AggregatedVersion = 'v2' | 'v2beta1'

/**
 * GET /api or /apis as apidiscovery.k8s.io APIGroupDiscoveryList (`core` true for /api: one item, the group
 * named ""). Every version is `freshness: Current`: Podlab's API is built in, never stale.
 */
export function aggregatedDiscovery(resources: readonly ResourceRef[], core: boolean, version: AggregatedVersion): unknown {
  const groups = core ? [{ name: '', versions: ['v1'] }] : apiGroups(resources)
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map((g) => ({
      metadata: { ...(g.name ? { name: g.name } : {}), creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v,
        resources: resourcesIn(resources, { group: g.name, version: v }).map((r) => ({
          resource: r.resource,
          responseKind: { group: r.group, version: r.version, kind: r.kind },
          scope: r.namespaced ? 'Namespaced' : 'Cluster',
          ...(r.singular ? { singularResource: r.singular } : {}),
          verbs: r.verbs ?? [],
          ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
          ...(r.categories?.length ? { categories: r.categories } : {}),
          ...subresourcesOf(r),
        })),
        freshness: 'Current',
      })),
    })),
  }
}

function subresourcesOf(r: ResourceRef): { subresources?: unknown[] } {
  const subs = SUBRESOURCES[`${r.group}/${r.resource}`]
  if (!subs) return {}
  return { subresources: subs.map((s) => ({ subresource: s.name, responseKind: { group: s.group, version: s.version, kind: s.kind }, verbs: s.verbs })) }
}
