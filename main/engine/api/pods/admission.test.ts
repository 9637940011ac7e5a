import { describe, expect, it } from 'vitest'
import { createRng, seedState } from '../../runtime/rng'
import { admitPod } from './admission'
import { applyPodDefaults } from './defaults'
import type { Pod } from './types'

const rng = () => createRng(seedState('7'))
const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'x', namespace: 'default', ...metadata },
  spec: spec as Pod['spec'],
})

describe('admitPod on `kubectl run mynginx --image=nginx` (compare a 1.32 `kubectl get pod -o yaml`)', () => {
  const p = pod({ containers: [{ name: 'mynginx', image: 'nginx', resources: {} }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' }, { labels: { run: 'mynginx' } })
  applyPodDefaults(p)
  admitPod(p, { rng: rng() })
  const volumeName = (p.spec.volumes as Array<{ name: string }>)[0]?.name ?? ''

  it('names the token volume kube-api-access-<5 chars> (SimpleNameGenerator)', () => {
    expect(volumeName).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('produces the spec kubectl shows, field for field', () => {
    expect(p.spec).toEqual({
      containers: [
        {
          image: 'nginx',
          imagePullPolicy: 'Always',
          name: 'mynginx',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volumeName, readOnly: true }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: volumeName,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        },
      ],
    })
  })

  it('draws the volume suffix from the cluster RNG: same seed, same name', () => {
    const again = pod({ containers: [{ name: 'mynginx', image: 'nginx' }] })
    admitPod(again, { rng: rng() })
    expect((again.spec.volumes as Array<{ name: string }>)[0]?.name).toBe(volumeName)
  })
})

describe('ServiceAccount plugin (plugin/pkg/admission/serviceaccount mountServiceAccountToken)', () => {
  const mounts = (p: Pod, i = 0) => (p.spec.containers[i]?.volumeMounts as unknown[] | undefined) ?? []
  const cases: Array<[string, Pod, (p: Pod) => unknown, unknown]> = [
    ['keeps a given serviceAccountName', pod({ serviceAccountName: 'builder', containers: [{ name: 'a', image: 'b' }] }), (p) => [p.spec.serviceAccountName, p.spec.serviceAccount], ['builder', 'builder']],
    ['reads the deprecated serviceAccount alias', pod({ serviceAccount: 'old', containers: [{ name: 'a', image: 'b' }] }), (p) => p.spec.serviceAccountName, 'old'],
    ['automountServiceAccountToken: false mounts nothing', pod({ automountServiceAccountToken: false, containers: [{ name: 'a', image: 'b' }] }), (p) => [p.spec.volumes, mounts(p)], [undefined, []]],
    [
      'a container that already mounts the token path is left alone',
      pod({ containers: [{ name: 'a', image: 'b', volumeMounts: [{ name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }], volumes: [{ name: 'mine', emptyDir: {} }] }),
      (p) => [(p.spec.volumes as unknown[]).length, mounts(p).length],
      [1, 1],
    ],
    [
      'init containers are mounted too',
      pod({ initContainers: [{ name: 'i', image: 'b' }], containers: [{ name: 'a', image: 'b' }] }),
      (p) => (p.spec.initContainers?.[0]?.volumeMounts as unknown[]).length,
      1,
    ],
    [
      'an existing kube-api-access-* volume is reused, not added again',
      pod({ containers: [{ name: 'a', image: 'b' }], volumes: [{ name: 'kube-api-access-abcde', projected: { sources: [] } }] }),
      (p) => [(p.spec.volumes as unknown[]).length, (mounts(p)[0] as { name: string }).name],
      [1, 'kube-api-access-abcde'],
    ],
    ['mirror pods are not touched', pod({ containers: [{ name: 'a', image: 'b' }] }, { annotations: { 'kubernetes.io/config.mirror': 'x' } }), (p) => p.spec.serviceAccountName, undefined],
  ]
  it.each(cases)('%s', (_n, p, get, expected) => {
    admitPod(p, { rng: rng() })
    expect(get(p)).toEqual(expected)
  })
})

describe('DefaultTolerationSeconds plugin', () => {
  const keys = (p: Pod) => (p.spec.tolerations ?? []).map((t) => t.key ?? '*')
  const cases: Array<[string, Pod['spec']['tolerations'], string[]]> = [
    ['adds both when none', undefined, ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']],
    ['keeps a user toleration for not-ready and adds only unreachable', [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }], ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']],
    ['an empty key with an empty effect tolerates everything: nothing added', [{ operator: 'Exists' }], ['*']],
    ['a NoSchedule toleration does not count', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }], ['node.kubernetes.io/unreachable', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']],
  ]
  it.each(cases)('%s', (_n, tolerations, expected) => {
    const p = pod({ containers: [{ name: 'a', image: 'b' }], tolerations })
    admitPod(p, { rng: rng() })
    expect(keys(p)).toEqual(expected)
  })
})

describe('Priority plugin', () => {
  it('resolves the built-in system-node-critical class', () => {
    const p = pod({ priorityClassName: 'system-node-critical', containers: [{ name: 'a', image: 'b' }] })
    admitPod(p, { rng: rng() })
    expect([p.spec.priority, p.spec.preemptionPolicy]).toEqual([2000001000, 'PreemptLowerPriority'])
  })
})
