// Field selectors (`?fieldSelector=` on a LIST), after k8s.io/apimachinery v0.32.0 pkg/fields/selector.go
// (ParseSelector: terms split on unescaped commas, the operators `!=`, `==`, `=`, backslash escapes) and the
// fields each kind makes selectable (pkg/registry/core/pod/strategy.go and core/event/strategy.go
// ToSelectableFields; every other kind: metadata.name and metadata.namespace, generic.ObjectMetaFieldsSet).
// kubectl describe lists a pod's events with `involvedObject.name=x,involvedObject.namespace=default,
// involvedObject.uid=U` and a node's pods with `spec.nodeName=n,status.phase!=Succeeded,status.phase!=Failed`.

import type { KubeObject } from '../../kube'
import { ApiError } from './errors'

/** One term: `field=value` (also `==`) or `field!=value`. */
export interface FieldRequirement {
  field: string
  operator: '=' | '!='
  value: string
}

/**
 * fields.ParseSelector: the requirements of `selector` ('' selects everything). Throws ApiError BadRequest
 * (`invalid selector: 'x'; can't understand 'x'`).
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const requirements: FieldRequirement[] = []
  for (const term of splitTerms(selector)) {
    if (term === '') continue
    const split = splitTerm(term)
    if (!split) throw new ApiError('BadRequest', `invalid selector: '${selector}'; can't understand '${term}'`)
    requirements.push({ field: unescape(split.field), operator: split.operator, value: unescape(split.value) })
  }
  return requirements
}

/** selector.go splitTerms: commas not escaped by a backslash end a term. */
function splitTerms(selector: string): string[] {
  if (selector === '') return []
  const terms: string[] = []
  let start = 0
  let escaped = false
  for (let i = 0; i < selector.length; i++) {
    if (escaped) escaped = false
    else if (selector[i] === '\\') escaped = true
    else if (selector[i] === ',') {
      terms.push(selector.slice(start, i))
      start = i + 1
    }
  }
  terms.push(selector.slice(start))
  return terms
}

/** selector.go splitTerm: the first unescaped operator, `!=` and `==` before `=`. */
function splitTerm(term: string): { field: string; operator: '=' | '!='; value: string } | undefined {
  let escaped = false
  for (let i = 0; i < term.length; i++) {
    if (escaped) {
      escaped = false
      continue
    }
    if (term[i] === '\\') {
      escaped = true
      continue
    }
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), operator: op === '!=' ? '!=' : '=', value: term.slice(i + op.length) }
    }
  }
  return undefined
}

/** selector.go UnescapeValue, lenient: a backslash keeps the character after it. */
function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1')
}

type FieldSet = Record<string, string>

/** The selectable fields of one object of `resource`; undefined for a label the kind does not select on. */
function fieldsOf(resource: string, o: KubeObject): FieldSet {
  const meta: FieldSet = { 'metadata.name': o.metadata.name ?? '', 'metadata.namespace': o.metadata.namespace ?? '' }
  if (resource === 'pods') {
    const spec = (o.spec ?? {}) as Record<string, unknown>
    const status = (o.status ?? {}) as Record<string, unknown>
    const podIPs = (status.podIPs as Array<{ ip?: string }> | undefined) ?? []
    return {
      ...meta,
      'spec.nodeName': String(spec.nodeName ?? ''),
      'spec.restartPolicy': String(spec.restartPolicy ?? ''),
      'spec.schedulerName': String(spec.schedulerName ?? ''),
      'spec.serviceAccountName': String(spec.serviceAccountName ?? ''),
      'spec.hostNetwork': String(spec.hostNetwork === true),
      'status.phase': String(status.phase ?? ''),
      'status.podIP': podIPs[0]?.ip ?? String(status.podIP ?? ''),
      'status.nominatedNodeName': String(status.nominatedNodeName ?? ''),
    }
  }
  if (resource === 'events') {
    const e = o as KubeObject & { involvedObject?: Record<string, string>; reason?: string; reportingComponent?: string; source?: { component?: string }; type?: string }
    const io = e.involvedObject ?? {}
    return {
      ...meta,
      'involvedObject.kind': io.kind ?? '',
      'involvedObject.namespace': io.namespace ?? '',
      'involvedObject.name': io.name ?? '',
      'involvedObject.uid': io.uid ?? '',
      'involvedObject.apiVersion': io.apiVersion ?? '',
      'involvedObject.resourceVersion': io.resourceVersion ?? '',
      'involvedObject.fieldPath': io.fieldPath ?? '',
      reason: e.reason ?? '',
      reportingComponent: e.reportingComponent ?? '',
      source: e.source?.component ?? '',
      type: e.type ?? '',
    }
  }
  return meta
}

/**
 * The objects of `resource` that `selector` selects. Throws ApiError BadRequest for a selector that does not
 * parse, or a field the kind does not select on (`field label not supported: spec.x`, the API server's
 * conversion error).
 */
export function selectFields(resource: string, objects: KubeObject[], selector: string): KubeObject[] {
  const requirements = parseFieldSelector(selector)
  if (requirements.length === 0) return objects
  const known = Object.keys(fieldsOf(resource, { metadata: {} } as KubeObject))
  const unknown = requirements.find((r) => !known.includes(r.field))
  if (unknown) throw new ApiError('BadRequest', `field label not supported: ${unknown.field}`)
  return objects.filter((o) => {
    const fields = fieldsOf(resource, o)
    return requirements.every((r) => (fields[r.field] === r.value) === (r.operator === '='))
  })
}
