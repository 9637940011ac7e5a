// What the fake API server answers for `kubectl describe` (its handlers, dispatched from fake-apiserver.mjs):
// LISTs narrowed by `fieldSelector` (a pod's events by involvedObject.*, a node's pods by spec.nodeName and
// status.phase), and coordination.k8s.io Leases (a node's, in kube-node-lease).
//
// describe prints event and pod ages against the wall clock of the kubectl that runs. A case of objects the
// Podlab engine produced at virtual time `now` is therefore served shifted: alignClock waits for the start of a
// wall-clock second and gives the shift from `now` to it; every timestamp in the served objects moves by it, and
// the recorder writes the shifted now into the case's meta.json, where the replay test reads it back.

/** Waits for the next wall-clock second; returns the state fields that shift the case's `now` onto it. */
export async function alignClock(now) {
  const wait = 1000 - (Date.now() % 1000)
  await new Promise((resolve) => setTimeout(resolve, wait))
  const wallMs = Math.floor(Date.now() / 1000) * 1000
  return { clockShiftMs: wallMs - Date.parse(now), now: shiftTime(now, wallMs - Date.parse(now)) }
}

const TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/

/** An RFC 3339 time moved by `ms` (whole seconds), its fraction digits kept. */
export function shiftTime(value, ms) {
  const m = TIME.exec(value)
  if (!m) return value
  const moved = new Date(Date.parse(`${m[1]}Z`) + ms).toISOString().slice(0, 19)
  return `${moved}${m[2] ?? ''}Z`
}

/** Every RFC 3339 string in `value`, moved by `ms`. */
export function shiftTimes(value, ms) {
  if (typeof value === 'string') return shiftTime(value, ms)
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, ms))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimes(v, ms)]))
  return value
}

/** The selectable fields of an object (the engine's api/field-selector.ts, as the API server has them). */
function fieldsOf(resource, o) {
  const meta = { 'metadata.name': o.metadata?.name ?? '', 'metadata.namespace': o.metadata?.namespace ?? '' }
  if (resource === 'pods') {
    return { ...meta, 'spec.nodeName': o.spec?.nodeName ?? '', 'status.phase': o.status?.phase ?? '' }
  }
  if (resource === 'events') {
    const io = o.involvedObject ?? {}
    return {
      ...meta,
      'involvedObject.kind': io.kind ?? '',
      'involvedObject.namespace': io.namespace ?? '',
      'involvedObject.name': io.name ?? '',
      'involvedObject.uid': io.uid ?? '',
    }
  }
  return meta
}

function selects(resource, o, selector) {
  const fields = fieldsOf(resource, o)
  return selector.split(',').every((term) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term)
    if (!m) return false
    return (fields[m[1]] === m[3]) === (m[2] !== '!=')
  })
}

const KINDS = {
  pods: 'Pod', events: 'Event', leases: 'Lease', nodes: 'Node', namespaces: 'Namespace', configmaps: 'ConfigMap', secrets: 'Secret',
  deployments: 'Deployment', replicasets: 'ReplicaSet', jobs: 'Job',
}

/** A label selector of `k=v`, `k==v`, `k!=v`, `k` and `!k` terms (what the describers and the cases send). */
function labelsMatch(labels, selector) {
  return selector.split(',').every((term) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term)
    if (m) return ((labels ?? {})[m[1]] === m[3]) === (m[2] !== '!=')
    return term.startsWith('!') ? !(term.slice(1) in (labels ?? {})) : term in (labels ?? {})
  })
}

function status(code, reason, message, details) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code }
}

/**
 * The answer to a describe request the base server does not give, or undefined: { code, body }. Shifts the
 * state's objects once, on the first request, when the case has a clock shift.
 */
export function describeAnswer(state, method, route, url, asTable) {
  if (state.clockShiftMs !== undefined && !state.shifted) {
    state.objects = shiftTimes(state.objects ?? [], state.clockShiftMs)
    state.shifted = true
  }
  if (method !== 'GET' || asTable) return undefined
  const inNamespace = (o) => !route.namespace || (o.metadata?.namespace ?? 'default') === route.namespace
  const ofKind = (o) => o.kind === KINDS[route.resource]
  if (route.resource === 'leases') {
    const found = (state.objects ?? []).find((o) => ofKind(o) && inNamespace(o) && o.metadata.name === route.name)
    if (found) return { code: 200, body: found }
    return { code: 404, body: status(404, 'NotFound', `leases.coordination.k8s.io "${route.name}" not found`, { name: route.name, group: 'coordination.k8s.io', kind: 'leases' }) }
  }
  // The rest is for describe's cases only (those with a clock shift): other suites keep the base server's lists.
  if (state.clockShiftMs === undefined || route.name) return undefined
  // Podlab serves no ResourceQuotas or LimitRanges: the namespace describer leaves their sections out.
  if (!KINDS[route.resource]) return { code: 404, body: status(404, 'NotFound', 'the server could not find the requested resource') }
  const fieldSelector = url.searchParams.get('fieldSelector')
  const labelSelector = url.searchParams.get('labelSelector')
  const items = (state.objects ?? [])
    .filter((o) => ofKind(o) && inNamespace(o))
    .filter((o) => !fieldSelector || selects(route.resource, o, fieldSelector))
    .filter((o) => !labelSelector || labelsMatch(o.metadata?.labels, labelSelector))
    .map(({ apiVersion, kind, ...rest }) => rest)
  const apiVersion = route.group ? `${route.group}/v1` : 'v1'
  return { code: 200, body: { kind: `${KINDS[route.resource]}List`, apiVersion, metadata: { resourceVersion: '105' }, items } }
}
