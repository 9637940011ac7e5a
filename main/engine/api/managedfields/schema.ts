// The structured-merge-diff schema of each kind, read from the OpenAPI v3 documents the API server serves
// (../openapi), as kube-openapi pkg/schemaconv turns OpenAPI into SMD atoms (structured-merge-diff/v4
// schema/elements.go): an object with properties is a struct (its named fields are not members of a field set
// unless empty), an object with additionalProperties a map (its keys are), an array a list whose
// x-kubernetes-list-type says atomic (the default), set or map (keyed by x-kubernetes-list-map-keys); a list
// without one but with patch strategy `merge` is associative by its patch merge key (schemaconv's fallback);
// x-kubernetes-map-type: atomic makes a struct or map one leaf. IntOrString and Quantity are scalars.

import { openAPIV3 } from '../openapi'

export type Atom =
  | { t: 'scalar' }
  | { t: 'struct'; fields: (name: string) => Atom | undefined; atomic: boolean; elem?: () => Atom }
  | { t: 'map'; elem: () => Atom; atomic: boolean }
  | { t: 'list'; relationship: 'atomic' | 'associative'; keys: readonly string[]; elem: () => Atom; keyDefault: (key: string) => unknown }
  /** A value the schema does not describe: SMD's deduced type (maps granular, lists atomic). */
  | { t: 'deduced' }

type Node = Record<string, unknown>

const SCALAR: Atom = { t: 'scalar' }
export const DEDUCED: Atom = { t: 'deduced' }

const GROUP_VERSION_PATHS: Record<string, string> = {
  v1: 'api/v1',
  'apps/v1': 'apis/apps/v1',
  'batch/v1': 'apis/batch/v1',
  'coordination.k8s.io/v1': 'apis/coordination.k8s.io/v1',
  'events.k8s.io/v1': 'apis/events.k8s.io/v1',
  'autoscaling/v2': 'apis/autoscaling/v2',
  'networking.k8s.io/v1': 'apis/networking.k8s.io/v1',
}

const byKind = new Map<string, Atom>()

/** The atom of `kind` in `apiVersion` (`v1` Pod, `apps/v1` Deployment), or the deduced atom for one not documented. */
export function schemaFor(apiVersion: string, kind: string): Atom {
  const id = `${apiVersion}/${kind}`
  let atom = byKind.get(id)
  if (!atom) {
    atom = findKind(apiVersion, kind) ?? DEDUCED
    byKind.set(id, atom)
  }
  return atom
}

function findKind(apiVersion: string, kind: string): Atom | undefined {
  const path = GROUP_VERSION_PATHS[apiVersion]
  const doc = path ? openAPIV3(path) : undefined
  const schemas = (doc?.components as { schemas?: Record<string, Node> } | undefined)?.schemas
  if (!schemas) return undefined
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  for (const node of Object.values(schemas)) {
    const gvks = node['x-kubernetes-group-version-kind'] as Array<{ group: string; version: string; kind: string }> | undefined
    if (gvks?.some((g) => g.group === group && g.version === version && g.kind === kind)) return new Converter(schemas).atom(node)
  }
  return undefined
}

class Converter {
  private readonly memo = new Map<Node, Atom>()
  constructor(private readonly schemas: Record<string, Node>) {}

  private resolve(node: Node): Node {
    const ref = (node.$ref as string | undefined) ?? ((node.allOf as Node[] | undefined)?.[0]?.$ref as string | undefined)
    if (!ref) return node
    return this.schemas[ref.replace('#/components/schemas/', '')] ?? {}
  }

  atom(raw: Node): Atom {
    const node = this.resolve(raw)
    const known = this.memo.get(node)
    if (known) return known
    const atom = this.convert(node, raw)
    this.memo.set(node, atom)
    return atom
  }

  private convert(node: Node, raw: Node): Atom {
    if (node.oneOf || node['x-kubernetes-int-or-string']) return SCALAR
    if (node['x-kubernetes-preserve-unknown-fields']) return DEDUCED
    const type = node.type as string | undefined
    if (type === 'array') return this.list(node, raw)
    if (type === 'object' || node.properties) {
      const atomic = node['x-kubernetes-map-type'] === 'atomic'
      const properties = node.properties as Record<string, Node> | undefined
      const additional = node.additionalProperties as Node | undefined
      if (properties) {
        const fields = new Map<string, Atom>()
        return {
          t: 'struct',
          atomic,
          fields: (name) => {
            if (!Object.hasOwn(properties, name)) return undefined
            let a = fields.get(name)
            if (!a) fields.set(name, (a = this.atom(properties[name]!)))
            return a
          },
          ...(additional ? { elem: () => this.atom(additional) } : {}),
        }
      }
      return { t: 'map', atomic, elem: additional && typeof additional === 'object' ? () => this.atom(additional) : () => DEDUCED }
    }
    if (type === undefined) return DEDUCED
    return SCALAR
  }

  private list(node: Node, raw: Node): Atom {
    const items = (node.items as Node | undefined) ?? {}
    const elem = (): Atom => this.atom(items)
    const listType = (node['x-kubernetes-list-type'] ?? raw['x-kubernetes-list-type']) as string | undefined
    let keys = (node['x-kubernetes-list-map-keys'] as string[] | undefined) ?? []
    let relationship: 'atomic' | 'associative' = listType === 'map' || listType === 'set' ? 'associative' : 'atomic'
    const strategy = node['x-kubernetes-patch-strategy'] as string | undefined
    if (!listType && strategy?.split(',').includes('merge')) {
      relationship = 'associative'
      const key = node['x-kubernetes-patch-merge-key'] as string | undefined
      keys = key ? [key] : []
    }
    if (listType === 'set') keys = []
    const itemNode = this.resolve(items)
    return {
      t: 'list',
      relationship,
      keys,
      elem,
      keyDefault: (key) => keyDefault(itemNode, key),
    }
  }
}

/**
 * A list-map key's schema default (getAssociativeKeyDefault). The bundled documents carry no `default`s, so the
 * one Podlab's kinds need is written here: ports' `protocol` is `+default="TCP"` (k8s.io/api core/v1 types.go).
 */
function keyDefault(item: Node, key: string): unknown {
  const property = (item.properties as Record<string, Node> | undefined)?.[key]
  if (property && 'default' in property) return property.default
  return key === 'protocol' ? 'TCP' : undefined
}
