// A user's Node through the API server: created and deleted as upstream's node strategy allows, with
// ValidateNode's texts and SetDefaults_NodeStatus.

import { describe, expect, it } from 'vitest'
import { ApiServer } from '../../api/server'
import { isApiError, type ApiError } from '../../api/errors'
import type { Node } from '../../api/nodes/types'
import { bareWorld } from '../../testing/bare-world'

function thrown(f: () => unknown): ApiError {
  try {
    f()
  } catch (e) {
    if (isApiError(e)) return e
    throw e
  }
  throw new Error('did not throw')
}

const node = (body: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'extra' }, ...body })

describe('v1 Node created and deleted by a user', () => {
  it('a manifest with only metadata.name is created, and a delete removes it at once (nodes have no graceful deletion)', () => {
    const api = new ApiServer(bareWorld())
    const created = api.create(node()) as Node
    expect(created.metadata.uid).toBeTruthy()
    api.delete('nodes', undefined, 'extra')
    expect(thrown(() => api.get('nodes', undefined, 'extra')).message).toBe('nodes "extra" not found')
  })

  it('keeps the status it is sent (as KWOK relies on), allocatable defaulting to the capacity (SetDefaults_NodeStatus)', () => {
    const api = new ApiServer(bareWorld())
    const created = api.create(node({ status: { capacity: { cpu: '2', memory: '1Gi', pods: '20' } } })) as Node
    expect(created.status?.capacity).toEqual({ cpu: '2', memory: '1Gi', pods: '20' })
    expect(created.status?.allocatable).toEqual({ cpu: '2', memory: '1Gi', pods: '20' })
  })

  it('a lone spec.podCIDR becomes spec.podCIDRs (the v1 conversion)', () => {
    const api = new ApiServer(bareWorld())
    const created = api.create(node({ spec: { podCIDR: '10.244.9.0/24' } })) as Node
    expect(created.spec?.podCIDRs).toEqual(['10.244.9.0/24'])
  })

  it.each([
    ['a name that is no DNS subdomain', { metadata: { name: 'My_Node' } },
      'Node "My_Node" is invalid: metadata.name: Invalid value: "My_Node": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')'],
    ['a taint effect upstream does not know (its path is metadata.taints, as ValidateNode builds it)', { spec: { taints: [{ key: 'gpu', effect: 'NoWay' }] } },
      'Node "extra" is invalid: metadata.taints[0].effect: Unsupported value: "NoWay": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"'],
    ['a taint without an effect', { spec: { taints: [{ key: 'gpu' }] } },
      'Node "extra" is invalid: metadata.taints[0].effect: Required value'],
    ['a taint key that is no qualified name', { spec: { taints: [{ key: 'bad key', effect: 'NoSchedule' }] } },
      'Node "extra" is invalid: metadata.taints[0].key: Invalid value: "bad key": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')'],
    ['the same key and effect twice', { spec: { taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'a', value: 'b', effect: 'NoSchedule' }] } },
      'Node "extra" is invalid: metadata.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"b", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair'],
    ['a negative capacity', { status: { capacity: { cpu: '-1' } } },
      'Node "extra" is invalid: [status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0, status.allocatable.cpu: Invalid value: "-1": must be greater than or equal to 0]'],
    ['a fraction of pods', { status: { capacity: { pods: '1500m' }, allocatable: { pods: '1' } } },
      'Node "extra" is invalid: status.capacity.pods: Invalid value: "1500m": must be an integer'],
    ['a podCIDR that is no CIDR', { spec: { podCIDRs: ['10.244.1.0'] } },
      'Node "extra" is invalid: spec.podCIDRs[0]: Invalid value: "10.244.1.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
    ['two IPv4 podCIDRs', { spec: { podCIDRs: ['10.244.1.0/24', '10.244.2.0/24'] } },
      'Node "extra" is invalid: spec.podCIDRs: Invalid value: []string{"10.244.1.0/24", "10.244.2.0/24"}: may specify no more than one CIDR for each IP family'],
  ])('refuses %s with upstream\'s text', (_what, body, message) => {
    const api = new ApiServer(bareWorld())
    const sent = node(body as Record<string, unknown>)
    sent.metadata = { ...sent.metadata, ...((body as { metadata?: object }).metadata ?? {}) }
    const e = thrown(() => api.create(sent))
    expect(e.reason).toBe('Invalid')
    expect(e.message).toBe(message)
  })
})
