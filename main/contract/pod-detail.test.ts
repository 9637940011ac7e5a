// Issue 11 item 3: the pods.detail payload check refuses what the API server would never name a pod.
import { describe, expect, it } from 'vitest'
import { checkCall } from './validate'

describe('pods.detail payload check', () => {
  it.each([
    ['a missing name', { namespace: 'default' }, /name must be a DNS-1123 subdomain/],
    ['a name with upper case', { namespace: 'default', name: 'Web' }, /name must be a DNS-1123 subdomain/],
    ['a name of 254 characters', { namespace: 'default', name: 'a'.repeat(254) }, /at most 253/],
    ['a path in the name', { namespace: 'default', name: '../secrets' }, /DNS-1123 subdomain/],
    ['a namespace of 64 characters', { namespace: 'a'.repeat(64), name: 'web' }, /namespace must be a DNS-1123 label/],
    ['a dotted namespace (a subdomain, not a label)', { namespace: 'kube.system', name: 'web' }, /namespace must be a DNS-1123 label/],
    ['a namespace that is not a string', { namespace: ['default'], name: 'web' }, /namespace must be/],
    ['an extra field', { namespace: 'default', name: 'web', container: 'x' }, /unknown field "container"/],
  ])('refuses %s', (_name, payload, message) => {
    const checked = checkCall('pods.detail', payload)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toMatch(message)
  })

  it('passes a pod named as a Deployment names them, and a 253-character dotted name', () => {
    expect(checkCall('pods.detail', { namespace: 'default', name: 'web-7d4b9c6f5-x2x8q' }).ok).toBe(true)
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`
    expect(long.length).toBe(253)
    expect(checkCall('pods.detail', { namespace: 'kube-system', name: long }).ok).toBe(true)
  })
})
