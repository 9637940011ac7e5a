// Field selectors on a LIST (`?fieldSelector=status.phase=Running`, kubectl --field-selector), after
// apimachinery pkg/fields/selector.go (ParseSelector: terms split on unescaped commas, `!=`, `==` or `=`, values
// unescaped) and each kind's selectable fields and field label conversion (pkg/apis/core/v1/conversion.go,
// pkg/registry/core/pod/strategy.go ToSelectableFields, events and the apps/batch conversions, v1.32): a field
// the kind does not select by is the API server's BadRequest `field label not supported: x` (or, for kinds with
// only the default conversion, `"x" is not a known field selector: only "metadata.name", "metadata.namespace"`).

import { ApiError } from '../api/errors'
import type { KubeObject } from '../../kube'

export interface FieldRequirement {
  field: string
  /** `!=` keeps objects whose field differs; `=` and `==` those whose field equals. */
  notEqual: boolean
  value: string
}

/** ParseSelector. Throws ApiError BadRequest with apimachinery's words for a term it cannot read. */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const requirements: FieldRequirement[] = []
  for (const part of splitTerms(selector).sort()) {
    if (part === '') continue
    const term = splitTerm(part)
    if (!term) throw new ApiError('BadRequest', `invalid selector: '${selector}'; can't understand '${part}'`)
    requirements.push({ field: term.lhs, notEqual: term.op === '!=', value: unescapeValue(term.rhs) })
  }
  return requirements
}

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

function splitTerm(term: string): { lhs: string; op: string; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) }
    }
  }
  return undefined
}

function unescapeValue(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '\\') {
      const next = s[i + 1]
      if (next !== '\\' && next !== ',' && next !== '=') throw new ApiError('BadRequest', `invalid field selector: invalid escape sequence: ${s.slice(i, i + 2)}`)
      out += next
      i++
    } else if (c === ',' || c === '=') throw new ApiError('BadRequest', `invalid field selector: unescaped character in value: ${s}`)
    else out += c
  }
  return out
}

type FieldsOf = (o: KubeObject) => Record<string, string>

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v))
const meta = (o: KubeObject, namespaced: boolean): Record<string, string> => ({
  'metadata.name': str(o.metadata.name),
  ...(namespaced ? { 'metadata.namespace': str(o.metadata.namespace) } : {}),
})
const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o)

/** Each kind's selectable fields (group/Kind -> the field set of an object). */
const SELECTABLE: Record<string, FieldsOf> = {
  '/Pod': (o) => ({
    ...meta(o, true),
    'spec.nodeName': str(at(o, 'spec.nodeName')),
    'spec.restartPolicy': str(at(o, 'spec.restartPolicy')),
    'spec.schedulerName': str(at(o, 'spec.schedulerName')),
    'spec.serviceAccountName': str(at(o, 'spec.serviceAccountName')),
    'spec.hostNetwork': String(at(o, 'spec.hostNetwork') === true),
    'status.phase': str(at(o, 'status.phase')),
    'status.podIP': str(at(o, 'status.podIP')),
    'status.podIPs': ((at(o, 'status.podIPs') as Array<{ ip?: string }> | undefined) ?? []).map((p) => p.ip ?? '').join(','),
    'status.nominatedNodeName': str(at(o, 'status.nominatedNodeName')),
  }),
  '/Event': (o) => ({
    ...meta(o, true),
    'involvedObject.kind': str(at(o, 'involvedObject.kind')),
    'involvedObject.namespace': str(at(o, 'involvedObject.namespace')),
    'involvedObject.name': str(at(o, 'involvedObject.name')),
    'involvedObject.uid': str(at(o, 'involvedObject.uid')),
    'involvedObject.apiVersion': str(at(o, 'involvedObject.apiVersion')),
    'involvedObject.resourceVersion': str(at(o, 'involvedObject.resourceVersion')),
    'involvedObject.fieldPath': str(at(o, 'involvedObject.fieldPath')),
    reason: str(at(o, 'reason')),
    reportingComponent: str(at(o, 'reportingComponent')),
    source: str(at(o, 'source.component')),
    type: str(at(o, 'type')),
  }),
  '/Node': (o) => ({ ...meta(o, false), 'spec.unschedulable': String(at(o, 'spec.unschedulable') === true) }),
  '/Namespace': (o) => ({ ...meta(o, false), 'status.phase': str(at(o, 'status.phase')) }),
  '/Secret': (o) => ({ ...meta(o, true), type: str(at(o, 'type')) }),
  'apps/ReplicaSet': (o) => ({ ...meta(o, true), 'status.replicas': str(at(o, 'status.replicas') ?? 0) }),
  'batch/Job': (o) => ({ ...meta(o, true), 'status.successful': str(at(o, 'status.succeeded') ?? 0) }),
}

/** Pods' old clients send spec.host for spec.nodeName (conversion.go). */
const ALIASES: Record<string, Record<string, string>> = { '/Pod': { 'spec.host': 'spec.nodeName' } }

/**
 * The objects of one kind a field selector keeps. Throws ApiError BadRequest for a field the kind does not
 * select by, or a selector that does not parse.
 */
export function filterByFields(group: string, kind: string, namespaced: boolean, selector: string, objects: KubeObject[]): KubeObject[] {
  const requirements = parseFieldSelector(selector)
  if (requirements.length === 0) return objects
  const key = `${group}/${kind}`
  const fieldsOf: FieldsOf = SELECTABLE[key] ?? ((o) => meta(o, namespaced))
  const known = new Set(Object.keys(fieldsOf({ metadata: {} } as KubeObject)))
  const resolved = requirements.map((r) => ({ ...r, field: ALIASES[key]?.[r.field] ?? r.field }))
  for (const r of resolved) {
    if (known.has(r.field)) continue
    if (SELECTABLE[key]) throw new ApiError('BadRequest', `field label not supported: ${r.field}`)
    throw new ApiError('BadRequest', `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`)
  }
  return objects.filter((o) => {
    const fields = fieldsOf(o)
    return resolved.every((r) => (fields[r.field] === r.value) !== r.notEqual)
  })
}
