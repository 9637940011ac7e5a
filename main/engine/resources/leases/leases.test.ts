// coordination.k8s.io/v1 Lease through the API server: served as kind's nodes need it (kubelet heartbeats in
// kube-node-lease), with ValidateLease's texts and `kubectl get leases`' NAME HOLDER AGE.

import { describe, expect, it } from 'vitest'
import { ApiServer } from '../../api/server'
import { isApiError, type ApiError } from '../../api/errors'
import { bareWorld } from '../../testing/bare-world'
import { buildTable } from '../../printers'

function thrown(f: () => unknown): ApiError {
  try {
    f()
  } catch (e) {
    if (isApiError(e)) return e
    throw e
  }
  throw new Error('did not throw')
}

const lease = (spec: Record<string, unknown>) => ({
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'worker', namespace: 'kube-node-lease' },
  spec,
})

describe('coordination.k8s.io/v1 Lease', () => {
  it('is created and read back with its spec, and printed as NAME HOLDER AGE', () => {
    const world = bareWorld()
    const api = new ApiServer(world)
    api.create(lease({ holderIdentity: 'worker', leaseDurationSeconds: 40, renewTime: '2025-01-01T00:00:00.000000Z' }))
    const got = api.get('leases', 'kube-node-lease', 'worker') as { spec: { holderIdentity: string } }
    expect(got.spec.holderIdentity).toBe('worker')
    const table = buildTable('leases', [got as never], world.now(), '1', false)
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Holder', 'Age'])
    expect(table.rows[0]?.cells.slice(0, 2)).toEqual(['worker', 'worker'])
  })

  it('refuses a zero leaseDurationSeconds and a negative leaseTransitions with ValidateLeaseSpec\'s texts', () => {
    const api = new ApiServer(bareWorld())
    const e = thrown(() => api.create(lease({ leaseDurationSeconds: 0, leaseTransitions: -1 })))
    expect(e.message).toBe(
      'Lease.coordination.k8s.io "worker" is invalid: [spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0, spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0]',
    )
  })

  it('refuses an unknown spec field as the strict decoder does', () => {
    const api = new ApiServer(bareWorld())
    const e = thrown(() => api.create(lease({ holder: 'x' })))
    expect(e.message).toContain('unknown field "spec.holder"')
  })
})
