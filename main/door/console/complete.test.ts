// Tab in the console offers what kubectl's shell completion offers: verbs, flags, resource types, object names
// (in the namespace -n names), TYPE/NAME, namespaces after -n, nodes after cordon.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HostEngine } from '../../engine'
import { openCluster } from '../../engine'
import { MYNGINX, tmpFile } from '../../engine/testing/cluster'
import { complete } from './complete'

let engine: HostEngine
beforeAll(() => {
  engine = openCluster(tmpFile(), { mode: 'manual', seed: '5' })
  engine.create(MYNGINX)
})
afterAll(() => engine.close())

describe('console completion', () => {
  it.each([
    ['kub', 0, ['kubectl']],
    ['kubectl ge', 8, ['get']],
    ['kubectl get po', 12, ['po', 'pod', 'pods']],
    ['kubectl get pods my', 17, ['mynginx']],
    ['k get pod/my', 6, ['pod/mynginx']],
    ['kubectl get pods -n kube-', 20, ['kube-node-lease', 'kube-public', 'kube-system']],
    ['kubectl -n kube-system get pods etcd', 32, ['etcd-podlab-control-plane']],
    ['kubectl get pods --show-k', 17, ['--show-kind']],
    ['kubectl create dep', 15, ['deployment']],
    ['kubectl get pods | gr', 19, ['grep']],
  ])('%j offers %j', (line, from, want) => {
    const got = complete(engine, line)
    expect(got.candidates).toEqual(want)
    expect(got.from).toBe(from)
  })

  it('offers nothing for what it cannot know (an unknown verb, a word after the name)', () => {
    expect(complete(engine, 'kubectl frobnicate x').candidates).toEqual([])
    expect(complete(engine, 'echo hel').candidates).toEqual([])
  })
})
