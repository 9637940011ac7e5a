// Field selectors as the API server applies them to a LIST (apimachinery fields/selector.go, core/v1
// conversion.go): which objects each term keeps, and the BadRequest words for a field a kind does not select by.
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../kube'
import { isApiError } from '../api/errors'
import { filterByFields, parseFieldSelector } from './index'

const pod = (name: string, phase: string, nodeName?: string) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName, containers: [] }, status: { phase } }) as unknown as KubeObject
const pods = [pod('a', 'Running', 'n1'), pod('b', 'Pending'), pod('c', 'Running', 'n2')]
const names = (objects: KubeObject[]) => objects.map((o) => o.metadata.name)

describe('field selectors keep the objects whose fields match', () => {
  it('status.phase=Running keeps the running pods', () => {
    expect(names(filterByFields('', 'Pod', true, 'status.phase=Running', pods))).toEqual(['a', 'c'])
  })

  it('!= keeps the others, == is =, and terms are ANDed', () => {
    expect(names(filterByFields('', 'Pod', true, 'status.phase!=Running', pods))).toEqual(['b'])
    expect(names(filterByFields('', 'Pod', true, 'status.phase==Running,spec.nodeName=n2', pods))).toEqual(['c'])
  })

  it('an unset field is the empty string (spec.nodeName= finds unscheduled pods)', () => {
    expect(names(filterByFields('', 'Pod', true, 'spec.nodeName=', pods))).toEqual(['b'])
  })

  it('spec.host is the old name of spec.nodeName', () => {
    expect(names(filterByFields('', 'Pod', true, 'spec.host=n1', pods))).toEqual(['a'])
  })

  it("an event's source is its source.component", () => {
    const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' }, source: { component: 'kubelet' }, involvedObject: { name: 'a' } } as unknown as KubeObject
    expect(names(filterByFields('', 'Event', true, 'source=kubelet,involvedObject.name=a', [event]))).toEqual(['e'])
  })
})

describe('a field the kind does not select by is BadRequest', () => {
  const reason = (f: () => unknown) => {
    try {
      f()
    } catch (e) {
      return isApiError(e) ? `${e.reason}: ${e.message}` : String(e)
    }
    return 'no error'
  }

  it('pods: field label not supported', () => {
    expect(reason(() => filterByFields('', 'Pod', true, 'spec.foo=x', pods))).toBe('BadRequest: field label not supported: spec.foo')
  })

  it('a kind with the default conversion names the two fields it has', () => {
    expect(reason(() => filterByFields('apps', 'Deployment', true, 'spec.replicas=1', []))).toBe('BadRequest: "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"')
  })

  it('a term without an operator is refused as ParseSelector refuses it', () => {
    expect(reason(() => parseFieldSelector('status.phase'))).toBe("BadRequest: invalid selector: 'status.phase'; can't understand 'status.phase'")
  })
})
