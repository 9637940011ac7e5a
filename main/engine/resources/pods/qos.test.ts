import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { podQosClass } from './qos'

const pod = (resources: Array<{ requests?: Record<string, string>; limits?: Record<string, string> }>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: resources.map((r, i) => ({ name: `c${i}`, image: 'nginx', resources: r })) },
})

// pkg/apis/core/helper/qos GetPodQOS; https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/
describe('pod QoS class', () => {
  it.each([
    ['no requests or limits anywhere', [{}], 'BestEffort'],
    ['limits equal to requests for cpu and memory', [{ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } }], 'Guaranteed'],
    ['equal quantities written differently', [{ requests: { cpu: '0.5', memory: '1024Mi' }, limits: { cpu: '500m', memory: '1Gi' } }], 'Guaranteed'],
    ['limits only (requests default to limits)', [{ limits: { cpu: '1', memory: '128Mi' } }], 'Guaranteed'],
    ['a request below its limit', [{ requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } }], 'Burstable'],
    ['one container without limits', [{ limits: { cpu: '1', memory: '1Gi' } }, {}], 'Burstable'],
  ])('%s -> %s', (_name, resources, qos) => expect(podQosClass(pod(resources))).toBe(qos))
})
