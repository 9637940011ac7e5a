// `kubectl get`'s list selections on the golden fake API server: `labelSelector` (equality, inequality and
// existence terms) and `fieldSelector` (each kind's selectable fields, as the API server's field label
// conversions allow them: pods, events, nodes, namespaces; metadata.name/namespace for the rest), applied to
// LISTs and to the rows of a Table. A field a kind does not select by answers 400 `field label not supported: x`.

const FIELDS = {
  pods: ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
  events: ['metadata.name', 'metadata.namespace', 'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  nodes: ['metadata.name', 'spec.unschedulable'],
  namespaces: ['metadata.name', 'status.phase'],
}

function terms(selector) {
  return (selector ?? '').split(',').filter(Boolean).map((t) => {
    const m = /^([^!=]+?)(!=|==|=)(.*)$/.exec(t)
    return m ? { key: m[1].trim(), op: m[2], value: m[3].trim() } : { key: t.replace(/^!/, '').trim(), op: t.startsWith('!') ? '!exists' : 'exists' }
  })
}

function fieldValue(object, field) {
  if (field === 'source') return object.source?.component ?? ''
  if (field === 'spec.hostNetwork' || field === 'spec.unschedulable') return String(field.split('.').reduce((v, k) => v?.[k], object) === true)
  const v = field.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), object)
  return v === undefined || v === null ? '' : String(v)
}

/** The Status a LIST with an unsupported field selector gets, or undefined. */
export function listSelectionError(resource, query) {
  const allowed = FIELDS[resource] ?? ['metadata.name', 'metadata.namespace']
  for (const { key } of terms(query.get('fieldSelector'))) {
    if (!allowed.includes(key)) {
      const message = FIELDS[resource] ? `field label not supported: ${key}` : `"${key}" is not a known field selector: only "metadata.name", "metadata.namespace"`
      return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 }
    }
  }
  return undefined
}

/** Whether an object passes the request's label and field selectors. */
export function selected(object, query) {
  const labels = object?.metadata?.labels ?? {}
  const labelOk = terms(query.get('labelSelector')).every(({ key, op, value }) =>
    op === 'exists' ? key in labels : op === '!exists' ? !(key in labels) : op === '!=' ? labels[key] !== value : labels[key] === value,
  )
  const fieldOk = terms(query.get('fieldSelector')).every(({ key, op, value }) => (op === '!=' ? fieldValue(object, key) !== value : fieldValue(object, key) === value))
  return labelOk && fieldOk
}
