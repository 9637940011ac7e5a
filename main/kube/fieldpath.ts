// Sets of field paths as structured-merge-diff v4 keeps them (sigs.k8s.io/structured-merge-diff/v4 fieldpath/
// set.go, element.go, serialize.go, serialize-pe.go), shared by the API server's field manager and kubectl's
// client-side-apply upgrade (client-go util/csaupgrade): a path element is written as FieldsV1 writes it
// (`f:name`, `k:{"name":"nginx"}`, `v:"finalizer"`, `i:0`), and a set is a trie of members (paths in the set)
// and children (paths below which there are members). That string is the element's identity here, so a set
// serializes to the apiserver's FieldsV1 JSON by sorting elements the way PathElement.Compare does.

/** A JSON value as decoded (string, number, boolean, null, array, object). */
export type JsonValue = unknown

/** `f:<name>`: a struct field or map key. */
export const fieldElement = (name: string): string => `f:${name}`
/** `v:<json>`: an item of a set (x-kubernetes-list-type: set), by its value. */
export const valueElement = (value: JsonValue): string => `v:${JSON.stringify(value)}`
/** `i:<n>`: an item of a list by index (atomic lists never have one; kept for FieldsV1 fidelity). */
export const indexElement = (index: number): string => `i:${index}`
/**
 * `k:{...}`: an item of a keyed list (x-kubernetes-list-type: map), its key fields sorted by name as
 * value.FieldList.Sort does.
 */
export function keyElement(fields: Array<[string, JsonValue]>): string {
  const sorted = [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `k:{${sorted.map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`).join(',')}}`
}

/** A set of paths (each path a list of element strings). Operations return new sets; the receiver is kept. */
export class FieldSet {
  readonly members = new Set<string>()
  readonly children = new Map<string, FieldSet>()

  static of(...paths: string[][]): FieldSet {
    const set = new FieldSet()
    for (const path of paths) set.insert(path)
    return set
  }

  empty(): boolean {
    return this.members.size === 0 && this.children.size === 0
  }

  /** Adds `path` (mutates: for building a set). */
  insert(path: readonly string[]): void {
    if (path.length === 0) return
    let node: FieldSet = this
    for (let i = 0; i < path.length - 1; i++) node = node.child(path[i]!)
    node.members.add(path[path.length - 1]!)
  }

  /** The child set under `element`, created when missing (mutates). */
  child(element: string): FieldSet {
    let c = this.children.get(element)
    if (!c) this.children.set(element, (c = new FieldSet()))
    return c
  }

  /** Whether `path` is a member. */
  has(path: readonly string[]): boolean {
    let node: FieldSet | undefined = this
    for (let i = 0; i < path.length - 1 && node; i++) node = node.children.get(path[i]!)
    return !!node && path.length > 0 && node.members.has(path[path.length - 1]!)
  }

  /** The paths below `element`, without it (Set.WithPrefix). */
  withPrefix(element: string): FieldSet | undefined {
    return this.children.get(element)
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet()
    for (const m of this.members) out.members.add(m)
    for (const m of other.members) out.members.add(m)
    for (const [e, c] of this.children) out.children.set(e, c)
    for (const [e, c] of other.children) {
      const mine = out.children.get(e)
      out.children.set(e, mine ? mine.union(c) : c)
    }
    return out
  }

  /** Members of this set not in `other` (Set.Difference: members exactly, children recursively). */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet()
    for (const m of this.members) if (!other.members.has(m)) out.members.add(m)
    for (const [e, c] of this.children) {
      const theirs = other.children.get(e)
      const kept = theirs ? c.difference(theirs) : c
      if (!kept.empty()) out.children.set(e, kept)
    }
    return out
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet()
    for (const m of this.members) if (other.members.has(m)) out.members.add(m)
    for (const [e, c] of this.children) {
      const theirs = other.children.get(e)
      if (!theirs) continue
      const both = c.intersection(theirs)
      if (!both.empty()) out.children.set(e, both)
    }
    return out
  }

  /** Every member path, in FieldsV1 order (Set.Iterate). */
  paths(prefix: string[] = []): string[][] {
    const out: string[][] = []
    for (const e of sortedElements([...new Set([...this.members, ...this.children.keys()])])) {
      if (this.members.has(e)) out.push([...prefix, e])
      const c = this.children.get(e)
      if (c) out.push(...c.paths([...prefix, e]))
    }
    return out
  }

  /** The FieldsV1 JSON object (Set.ToJSON / emitContentsV1): `{}` for a member, `.: {}` for one with children. */
  toFieldsV1(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const e of sortedElements([...new Set([...this.members, ...this.children.keys()])])) {
      const c = this.children.get(e)
      if (!c) {
        out[e] = {}
        continue
      }
      out[e] = this.members.has(e) ? { '.': {}, ...c.toFieldsV1() } : c.toFieldsV1()
    }
    return out
  }

  /** Set.FromJSON: the set a FieldsV1 object describes. Throws FieldsV1Error for a malformed one. */
  static fromFieldsV1(json: unknown): FieldSet {
    const set = new FieldSet()
    readInto(set, json)
    return set
  }
}

/** A FieldsV1 value that is not an object of objects (the apiserver then drops the entries: DecodeManagedFields). */
export class FieldsV1Error extends Error {
  constructor(readonly element: string) {
    super(`invalid FieldsV1 element ${element}`)
    this.name = 'FieldsV1Error'
  }
}

function readInto(set: FieldSet, json: unknown): void {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new FieldsV1Error(String(json))
  for (const [e, v] of Object.entries(json)) {
    if (e === '.') continue
    if (!/^[fkvi]:/.test(e) || typeof v !== 'object' || v === null || Array.isArray(v)) throw new FieldsV1Error(e)
    const inner = v as Record<string, unknown>
    const keys = Object.keys(inner)
    if (keys.length === 0 || '.' in inner) set.members.add(e)
    if (keys.some((k) => k !== '.')) readInto(set.child(e), inner)
  }
}

const KIND_RANK: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 }

function sortedElements(elements: string[]): string[] {
  return elements.sort(compareElements)
}

/** PathElement.Compare: field names, then keys, then values, then indexes. */
export function compareElements(a: string, b: string): number {
  const ka = KIND_RANK[a[0]!]!
  const kb = KIND_RANK[b[0]!]!
  if (ka !== kb) return ka - kb
  const ra = a.slice(2)
  const rb = b.slice(2)
  switch (a[0]) {
    case 'f':
      return ra < rb ? -1 : ra > rb ? 1 : 0
    case 'i':
      return Number(ra) - Number(rb)
    case 'v':
      return compareValues(JSON.parse(ra), JSON.parse(rb))
    default:
      return compareKeys(JSON.parse(ra) as Record<string, unknown>, JSON.parse(rb) as Record<string, unknown>)
  }
}

/** value.FieldList.Compare over keys already sorted by name. */
function compareKeys(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ea = Object.entries(a)
  const eb = Object.entries(b)
  for (let i = 0; ; i++) {
    if (i >= ea.length || i >= eb.length) return ea.length - eb.length
    const [na, va] = ea[i]!
    const [nb, vb] = eb[i]!
    if (na !== nb) return na < nb ? -1 : 1
    const c = compareValues(va, vb)
    if (c !== 0) return c
  }
}

/** value.Compare's total order: numbers, then strings, then booleans, then lists, maps and null. */
function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : Array.isArray(v) ? 3 : v === null ? 5 : 4)
  const d = rank(a) - rank(b)
  if (d !== 0) return d
  if (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean') return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0
  const sa = JSON.stringify(a)
  const sb = JSON.stringify(b)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/**
 * Path.String as conflicts print it (fieldpath/path.go, element.go): `.spec.containers[name="nginx"].image`,
 * `[=value]` for a set item, `[3]` for an index. Strings are Go's %q, numbers %v.
 */
export function pathString(path: readonly string[]): string {
  return path
    .map((e) => {
      const rest = e.slice(2)
      switch (e[0]) {
        case 'f':
          return `.${rest}`
        case 'i':
          return `[${rest}]`
        case 'v':
          return `[=${goValueString(JSON.parse(rest))}]`
        default:
          return `[${Object.entries(JSON.parse(rest) as Record<string, unknown>)
            .map(([k, v]) => `${k}=${goValueString(v)}`)
            .join(',')}]`
      }
    })
    .join('')
}

/** value.ToString: strings quoted (%q), other scalars as %v. */
function goValueString(v: unknown): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return JSON.stringify(v)
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}
