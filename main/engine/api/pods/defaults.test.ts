import { describe, expect, it } from 'vitest'
import { applyPodDefaults } from './defaults'
import { defaultPullPolicy, imageTag } from './image'
import type { Pod } from './types'

const pod = (spec: Record<string, unknown>): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: spec as Pod['spec'] })

describe('image pull policy (SetDefaults_Container over ParseImageName, v1.32.1)', () => {
  const cases: Array<[string, string | null, 'Always' | 'IfNotPresent']> = [
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.25', '1.25', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.10', '3.10', 'IfNotPresent'],
    ['localhost:5000/app', 'latest', 'Always'],
    ['nginx@sha256:' + 'a'.repeat(64), '', 'IfNotPresent'],
    ['nginx:1.25@sha256:' + 'a'.repeat(64), '1.25', 'IfNotPresent'],
    ['Nginx', null, 'IfNotPresent'],
    ['', null, 'IfNotPresent'],
  ]
  it.each(cases)('%j has tag %j -> %s', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag)
    expect(defaultPullPolicy(image)).toBe(policy)
  })
})

describe('applyPodDefaults (pkg/apis/core/v1 defaults.go at v1.32.1)', () => {
  it('fills what `kubectl run mynginx --image=nginx` leaves out (compare kubectl get pod -o yaml)', () => {
    const p = pod({ containers: [{ name: 'mynginx', image: 'nginx', resources: {} }] })
    applyPodDefaults(p)
    expect(p.spec).toEqual({
      containers: [
        {
          name: 'mynginx',
          image: 'nginx',
          imagePullPolicy: 'Always',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    })
  })

  const cases: Array<[string, Record<string, unknown>, (p: Pod) => unknown, unknown]> = [
    ['keeps an explicit restartPolicy', { restartPolicy: 'Never', containers: [] }, (p) => p.spec.restartPolicy, 'Never'],
    ['keeps terminationGracePeriodSeconds 0 (a pointer in Go)', { terminationGracePeriodSeconds: 0, containers: [] }, (p) => p.spec.terminationGracePeriodSeconds, 0],
    ['ports get protocol TCP', { containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 80 }] }] }, (p) => p.spec.containers[0]?.ports?.[0]?.protocol, 'TCP'],
    [
      'probe defaults: timeout 1, period 10, success 1, failure 3; httpGet path / scheme HTTP',
      { containers: [{ name: 'a', image: 'b', livenessProbe: { httpGet: { port: 80 } } }] },
      (p) => p.spec.containers[0]?.livenessProbe,
      { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
    ],
    [
      'an explicit 0 in a probe is defaulted (int32, not a pointer)',
      { containers: [{ name: 'a', image: 'b', readinessProbe: { exec: { command: ['true'] }, periodSeconds: 0 } }] },
      (p) => (p.spec.containers[0]?.readinessProbe as { periodSeconds: number }).periodSeconds,
      10,
    ],
    [
      'requests default to limits (SetDefaults_Pod)',
      { containers: [{ name: 'a', image: 'b', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } }] },
      (p) => p.spec.containers[0]?.resources,
      { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } },
    ],
    [
      'a volume without a source becomes emptyDir (SetDefaults_Volume)',
      { containers: [], volumes: [{ name: 'data' }] },
      (p) => p.spec.volumes,
      [{ name: 'data', emptyDir: {} }],
    ],
    [
      'secret, configMap volumes get defaultMode 0644 (420); hostPath type ""',
      { containers: [], volumes: [{ name: 's', secret: { secretName: 's' } }, { name: 'c', configMap: { name: 'c' } }, { name: 'h', hostPath: { path: '/x' } }] },
      (p) => p.spec.volumes,
      [
        { name: 's', secret: { secretName: 's', defaultMode: 420 } },
        { name: 'c', configMap: { name: 'c', defaultMode: 420 } },
        { name: 'h', hostPath: { path: '/x', type: '' } },
      ],
    ],
    [
      'env fieldRef apiVersion v1 (SetDefaults_ObjectFieldSelector)',
      { containers: [{ name: 'a', image: 'b', env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }] }] },
      (p) => (p.spec.containers[0]?.env as Array<{ valueFrom: { fieldRef: unknown } }>)[0]?.valueFrom.fieldRef,
      { fieldPath: 'metadata.namespace', apiVersion: 'v1' },
    ],
    [
      'hostNetwork copies containerPort to hostPort',
      { hostNetwork: true, containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 8080 }] }] },
      (p) => p.spec.containers[0]?.ports?.[0]?.hostPort,
      8080,
    ],
    ['init containers are defaulted too', { containers: [], initContainers: [{ name: 'i', image: 'busybox:1.36' }] }, (p) => p.spec.initContainers?.[0]?.imagePullPolicy, 'IfNotPresent'],
  ]
  it.each(cases)('%s', (_n, spec, get, expected) => {
    const p = pod(spec)
    applyPodDefaults(p)
    expect(get(p)).toEqual(expected)
  })

  it('is idempotent (running it twice changes nothing)', () => {
    const p = pod({ containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 80 }] }] })
    applyPodDefaults(p)
    const once = structuredClone(p)
    applyPodDefaults(p)
    expect(p).toEqual(once)
  })
})
