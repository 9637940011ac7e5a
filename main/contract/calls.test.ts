import { describe, expect, it } from 'vitest'
import { tableViewKey } from './calls'

describe('tableViewKey', () => {
  it('is the resource and the namespace, empty for all namespaces', () => {
    expect(tableViewKey({ resource: 'pods', namespace: 'default' })).toBe('pods/default')
    expect(tableViewKey({ resource: 'pods' })).toBe('pods/')
  })
  it('makes an omitted namespace and an empty one the same view, and other views different', () => {
    expect(tableViewKey({ resource: 'pods', namespace: '' })).toBe(tableViewKey({ resource: 'pods' }))
    expect(tableViewKey({ resource: 'pods', namespace: 'kube-system' })).not.toBe(tableViewKey({ resource: 'pods', namespace: 'default' }))
    expect(tableViewKey({ resource: 'nodes' })).not.toBe(tableViewKey({ resource: 'pods' }))
  })
})
