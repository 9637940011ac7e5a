// Server-side apply through the REST door (apiserver endpoints/handlers/patch.go, the applyPatcher): a PATCH
// with Content-Type application/apply-patch+yaml whose body (YAML or JSON, which is YAML) is the manager's
// applied configuration, and PatchOptions in the query: fieldManager (required, validated by the engine),
// force, dryRun and fieldValidation. 201 when the apply created the object, 200 otherwise.

import { createRequire } from 'node:module'
import type { ApplyOptions, Engine } from '../engine'
import type { KubeObject } from '../kube'
import { yamlToJSON } from '../gostd/goyaml/yaml-to-json'
import { badRequest } from './status'
import type { WriteOptions } from './write-options'

export const APPLY_PATCH = 'application/apply-patch+yaml'

/**
 * The body as the applyPatcher reads it (sigs.k8s.io/yaml Unmarshal into an unstructured map): 400
 * `error decoding YAML: ...` with go-yaml's wording for a syntax error or a body that is no map.
 */
export function decodeApplyBody(data: Buffer): Record<string, unknown> {
  const text = data.toString('utf8')
  const checked = yamlToJSON(text)
  if ('error' in checked) throw badRequest(`error decoding YAML: error converting YAML to JSON: ${checked.error}`)
  // Required here, not at load: js-yaml is ~15 ms of every `podlab` start, and only YAML bodies need it.
  const { load } = createRequire(import.meta.url)('js-yaml') as typeof import('js-yaml')
  const value: unknown = load(text.slice(0, checked.length))
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'bool'
    throw badRequest(`error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`)
  }
  return value as Record<string, unknown>
}

/**
 * PatchOptions of an apply: force from the query (Go's ParseBool), dryRun and fieldValidation as writeOptions
 * read and validated them (422 on PatchOptions for a dryRun other than All).
 */
export function applyOptions(query: URLSearchParams, write: WriteOptions): ApplyOptions {
  const force = query.get('force')
  return {
    fieldManager: query.get('fieldManager') ?? '',
    force: force === 'true' || force === '1' || force === 't' || force === 'T' || force === 'TRUE' || force === 'True',
    fieldValidation: write.fieldValidation,
    ...(write.dryRun ? { dryRun: write.dryRun } : {}),
  }
}

/** The apply: the object as stored (or as it would be, on a dry run) and the status code to send it with. */
export function serveApply(engine: Engine, resource: string, namespace: string | undefined, name: string, body: Buffer, options: ApplyOptions): { code: 200 | 201; object: KubeObject } {
  const { object, created } = engine.apply(resource, namespace, name, decodeApplyBody(body), options)
  return { code: created ? 201 : 200, object }
}
