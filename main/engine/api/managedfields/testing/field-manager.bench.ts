// `npx vitest bench --run main/engine/api/managedfields`: what managedFields add to a write. The kubelet's pod
// status write (the engine's most frequent) through the field manager alone, beside the same pod's whole
// update through the engine (decode, defaults, validation, field manager, store, history, watch).

import { bench, describe } from 'vitest'
import type { KubeObject } from '../../../../kube'
import { openCluster } from '../../../open-cluster'
import { MYNGINX, tmpFile } from '../../../testing/cluster'
import { managedFieldsForUpdate } from '../field-manager'

const engine = openCluster(tmpFile(), { mode: 'manual' })
engine.create(MYNGINX, { fieldManager: 'kubectl-run' })
engine.advance(30_000)
const live = engine.get('pods', 'default', 'mynginx')
const next = structuredClone(live) as KubeObject & { status: { conditions: Array<{ lastProbeTime: string | null }> } }
next.status.conditions[0]!.lastProbeTime = '2025-01-01T00:01:00Z'
const request = { manager: 'kubelet', subresource: 'status' as const, time: '2025-01-01T00:01:00Z', hasStatus: true }
let i = 0

describe('managedFields per write', () => {
  bench('field manager: a pod status write', () => {
    managedFieldsForUpdate(live, next, request)
  })
  bench('engine.update of the pod (a label changes), field manager included', () => {
    engine.update({ ...live, metadata: { ...live.metadata, resourceVersion: undefined, labels: { run: 'mynginx', i: String(i++) } } }, { fieldManager: 'bench' })
  })
})
