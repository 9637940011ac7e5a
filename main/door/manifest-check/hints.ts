// Plain-language hints for the mistakes learners make most (issue 11 item 2), beside kubectl's own message:
// a misspelt field (`metadate`: did you mean `metadata`?, from the OpenAPI schema the API server serves), an
// apiVersion the kind is not served under (`app/v1` for a Deployment), and the heredoc's `- containerPort: 80`
// that YAML reads as a second container. kubectl itself offers none of these; they are Podlab's.

import type { CheckHint } from '../../contract'
import type { Engine, ResourceRef } from '../../engine'

type Schema = Record<string, unknown>

/** Levenshtein distance (insert, delete, substitute: 1 each), in characters. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * The closest of `names` to `given`: the same name in another case (`containerport`), else one at most a third
 * of its length (at least 1, at most 3) edits away; undefined when none is that close.
 */
export function closestName(given: string, names: readonly string[]): string | undefined {
  const sameCase = names.find((n) => n.toLowerCase() === given.toLowerCase())
  if (sameCase) return sameCase
  const limit = Math.min(3, Math.max(1, Math.floor(given.length / 3)))
  let best: { name: string; distance: number } | undefined
  for (const name of names) {
    const distance = editDistance(given, name)
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance }
  }
  return best?.name
}

/** The OpenAPI path of a group-version (`api/v1`, `apis/apps/v1`). */
function groupVersionPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `apis/${apiVersion}` : `api/${apiVersion}`
}

function deref(document: Schema, schema: Schema | undefined): Schema | undefined {
  let s = schema
  for (let hops = 0; s && hops < 8; hops++) {
    const ref = (s.$ref as string | undefined) ?? ((s.allOf as Schema[] | undefined)?.[0]?.$ref as string | undefined)
    if (!ref) return s
    s = ((document.components as Schema).schemas as Record<string, Schema>)[ref.replace('#/components/schemas/', '')]
  }
  return s
}

/**
 * The field names the schema allows beside the last part of `path` (for `spec.containers[1].containerPort`, a
 * Container's fields), from the OpenAPI v3 document the engine serves; empty when the kind or path is unknown.
 */
export function siblingFieldNames(engine: Engine, apiVersion: string, kind: string, path: Array<string | number>): string[] {
  const document = engine.openAPIV3(groupVersionPath(apiVersion)) as Schema | undefined
  const schemas = (document?.components as Schema | undefined)?.schemas as Record<string, Schema> | undefined
  if (!document || !schemas) return []
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  let schema = Object.values(schemas).find((s) =>
    ((s['x-kubernetes-group-version-kind'] as Array<Record<string, string>> | undefined) ?? []).some((g) => g.group === group && g.version === version && g.kind === kind),
  )
  for (const part of path.slice(0, -1)) {
    schema = deref(document, schema)
    if (!schema) return []
    schema = typeof part === 'number' ? (schema.items as Schema | undefined) : ((schema.properties as Record<string, Schema> | undefined)?.[part] ?? (schema.additionalProperties as Schema | undefined))
  }
  const properties = deref(document, schema)?.properties
  return properties ? Object.keys(properties) : []
}

/** A container port's fields: what a `- containerPort: 80` item holds when it slipped out from under `ports:`. */
const PORT_FIELDS = new Set(['containerPort', 'hostPort', 'protocol', 'hostIP'])

/**
 * The hint for an unknown field at `path` of `object`: a second container that is only a port, else the closest
 * field name the schema has; undefined when there is nothing useful to say.
 */
export function unknownFieldHint(engine: Engine, object: Record<string, unknown>, path: Array<string | number>): CheckHint | undefined {
  const last = path[path.length - 1]
  if (typeof last !== 'string') return undefined
  const containerIndex = path[path.length - 2]
  const list = path[path.length - 3]
  if (typeof containerIndex === 'number' && containerIndex > 0 && (list === 'containers' || list === 'initContainers')) {
    let item: unknown = object
    for (const part of path.slice(0, -1)) item = (item as Record<string | number, unknown> | undefined)?.[part]
    const keys = item && typeof item === 'object' ? Object.keys(item) : []
    if (keys.length > 0 && keys.every((k) => PORT_FIELDS.has(k))) return { code: 'secondContainer', key: last }
  }
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : ''
  const kind = typeof object.kind === 'string' ? object.kind : ''
  const suggestion = closestName(last, siblingFieldNames(engine, apiVersion, kind, path))
  return suggestion && suggestion !== last ? { code: 'didYouMean', field: last, suggestion } : undefined
}

/** The apiVersion the engine serves `kind` under, when `given` is not it (`app/v1` -> `apps/v1`). */
export function apiVersionHint(resources: readonly ResourceRef[], given: string, kind: string): CheckHint | undefined {
  const served = resources.filter((r) => r.kind === kind).map((r) => (r.group ? `${r.group}/${r.version}` : r.version))
  if (served.length === 0 || served.includes(given)) return undefined
  const suggestion = closestName(given, served) ?? served[0]!
  return { code: 'apiVersion', given, suggestion }
}

/** The kind the engine serves that `given` is closest to (`Deploymnet` -> `Deployment`), when it serves no `given`. */
export function kindHint(resources: readonly ResourceRef[], given: string): CheckHint | undefined {
  const kinds = [...new Set(resources.map((r) => r.kind))]
  if (kinds.includes(given)) return undefined
  const suggestion = closestName(given, kinds)
  return suggestion ? { code: 'kind', given, suggestion } : undefined
}
