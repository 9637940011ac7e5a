// Issue 11 items 4 and 5: the history calls' payloads arrive from a renderer or a socket; hostile ones stop here.
import { describe, expect, it } from 'vitest'
import { checkCall } from './validate'

describe('history and cluster timeline payload checks', () => {
  it.each([
    ['a filter that is an array', 'history.list', { filter: [] }, /filter must be an object/],
    ['an unknown filter field', 'history.list', { filter: { sql: '1=1' } }, /unknown field "sql"/],
    ['a resource with SQL in it', 'history.list', { filter: { resource: "pods' OR 1=1" } }, /resource is not a valid resource/],
    ['a namespace longer than a label (63)', 'history.list', { filter: { namespace: 'a'.repeat(64) } }, /namespace must be a string of at most 63/],
    ['a namespace in capitals', 'history.list', { filter: { namespace: 'Default' } }, /namespace is not a valid namespace/],
    ['a name longer than a DNS-1123 subdomain (253)', 'history.list', { filter: { name: 'a'.repeat(254) } }, /name must be a string of at most 253/],
    ['a name that is not text', 'history.list', { filter: { name: { $ne: '' } } }, /name must be a string/],
    ['a reason past events.k8s.io\'s 128', 'history.list', { filter: { reason: 'x'.repeat(129) } }, /reason must be a string of at most 128/],
    ['an Event type Kubernetes has not', 'history.list', { filter: { eventType: 'Error' } }, /eventType must be one of Normal, Warning/],
    ['a change that is not a watch event type', 'history.list', { filter: { change: 'BOOKMARK' } }, /change must be one of ADDED, MODIFIED, DELETED/],
    ['a time range backwards', 'history.list', { filter: { fromMs: 10, toMs: 5 } }, /fromMs must not be after toMs/],
    ['a fractional time', 'history.list', { filter: { fromMs: 1.5 } }, /fromMs must be a whole number/],
    ['a time past what JSON carries exactly', 'history.list', { filter: { toMs: 2 ** 60 } }, /toMs must be a whole number/],
    ['both cursors', 'history.list', { before: 10, after: 2 }, /not both/],
    ['a cursor of 0 before', 'history.list', { before: 0 }, /before must be a resourceVersion/],
    ['a cursor as text', 'history.list', { after: '5' }, /after must be a resourceVersion/],
    ['a page of 501', 'history.list', { limit: 501 }, /limit must be a whole number from 1 to 500/],
    ['a page of 0', 'history.list', { limit: 0 }, /limit must be a whole number/],
    ['a resourceVersion as text', 'history.version', { resourceVersion: '12' }, /resourceVersion must be a whole number from 1/],
    ['a negative resourceVersion', 'history.version', { resourceVersion: -1 }, /resourceVersion must be a whole number from 1/],
    ['an extra field', 'history.version', { resourceVersion: 1, yaml: true }, /unknown field "yaml"/],
    ['a timeline range backwards', 'cluster.timeline', { from: 20, to: 10 }, /from must not be after to/],
    ['a timeline bound that is not a number', 'cluster.timeline', { from: 'now' }, /from must be a whole number/],
    ['an unknown timeline field', 'cluster.timeline', { pods: 10000 }, /unknown field "pods"/],
  ])('refuses %s', (_name, call, payload, message) => {
    const checked = checkCall(call, payload)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toMatch(message)
  })

  it.each([
    ['history.list', {}],
    ['history.list', { filter: { resource: 'pods', namespace: '', name: "%' --", reason: 'BackOff', eventType: 'Warning', change: 'MODIFIED', fromMs: 0, toMs: 5 }, before: 3, limit: 500 }],
    ['history.list', { after: 0, limit: 1 }],
    ['history.version', { resourceVersion: 1 }],
    ['cluster.timeline', {}],
    ['cluster.timeline', { from: 0, to: 0 }],
  ])('passes %s %j', (call, payload) => {
    expect(checkCall(call, payload).ok).toBe(true)
  })
})
