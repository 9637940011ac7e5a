import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../kube'
import { isApiError } from './errors'
import { parseFieldSelector, selectFields } from './field-selector'

const pod = (name: string, nodeName: string, phase: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName }, status: { phase } }) as KubeObject
const event = (name: string, involved: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: involved }) as unknown as KubeObject

describe('field selectors (apimachinery fields.ParseSelector, pods and events ToSelectableFields)', () => {
  it('parses =, == and != terms, escaped commas staying in the value', () => {
    expect(parseFieldSelector('a=b,c==d,e!=f,g=h\\,i')).toEqual([
      { field: 'a', operator: '=', value: 'b' },
      { field: 'c', operator: '=', value: 'd' },
      { field: 'e', operator: '!=', value: 'f' },
      { field: 'g', operator: '=', value: 'h,i' },
    ])
  })

  it('a term without an operator is the API server BadRequest', () => {
    expect(() => parseFieldSelector('spec.nodeName')).toThrow("invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'")
  })

  it("describe node's pods: on the node and neither Succeeded nor Failed", () => {
    const pods = [pod('a', 'n1', 'Running'), pod('b', 'n1', 'Succeeded'), pod('c', 'n2', 'Running'), pod('d', 'n1', 'Pending'), pod('e', 'n1', 'Failed')]
    const picked = selectFields('pods', pods, 'spec.nodeName=n1,status.phase!=Succeeded,status.phase!=Failed')
    expect(picked.map((p) => p.metadata.name)).toEqual(['a', 'd'])
  })

  it("describe pod's events: by involvedObject name, namespace and uid; an absent namespace matches ''", () => {
    const events = [
      event('e1', { kind: 'Pod', name: 'x', namespace: 'default', uid: 'u1' }),
      event('e2', { kind: 'Pod', name: 'x', namespace: 'default', uid: 'u0' }),
      event('e3', { kind: 'Node', name: 'n1', uid: 'n1' }),
    ]
    expect(selectFields('events', events, 'involvedObject.name=x,involvedObject.namespace=default,involvedObject.uid=u1').map((e) => e.metadata.name)).toEqual(['e1'])
    expect(selectFields('events', events, 'involvedObject.kind=Node,involvedObject.name=n1,involvedObject.namespace=,involvedObject.uid=n1').map((e) => e.metadata.name)).toEqual(['e3'])
  })

  it('a field the kind does not select on is BadRequest "field label not supported"', () => {
    let thrown: unknown
    try {
      selectFields('configmaps', [], 'data.x=y')
    } catch (e) {
      thrown = e
    }
    expect(isApiError(thrown) && thrown.reason === 'BadRequest' && thrown.message).toBe('field label not supported: data.x')
    expect(selectFields('configmaps', [pod('a', '', '')], 'metadata.name=a')).toHaveLength(1)
  })
})
