// The default cluster has the pods a fresh kind cluster has (kind-cluster.md §2): named, owned, placed and
// running as kind's, and counted on their nodes like any pod.

import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/pods/types'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'

const fresh = () => openCluster(tmpFile(), { mode: 'manual' })
const allPods = (engine: ReturnType<typeof fresh>) => engine.list('pods', undefined).items as Pod[]

describe("the default cluster's own pods, as kind v1.32 leaves them", () => {
  it('15 pods, all 1/1 Running at once: 4 static pods, coredns x2, kindnet and kube-proxy on each node, local-path-provisioner', () => {
    const engine = fresh()
    const pods = allPods(engine)
    const shape = pods
      .map((p) => `${p.metadata.namespace}/${p.metadata.name?.replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '-xxxxx').replace(/-[bcdfghjklmnpqrstvwxz2456789]{6,10}-xxxxx$/, '-HASH-xxxxx')} ${p.spec.nodeName}`)
      .sort()
    expect(shape).toEqual([
      'kube-system/coredns-HASH-xxxxx podlab-control-plane',
      'kube-system/coredns-HASH-xxxxx podlab-control-plane',
      'kube-system/etcd-podlab-control-plane podlab-control-plane',
      'kube-system/kindnet-xxxxx podlab-control-plane',
      'kube-system/kindnet-xxxxx podlab-worker',
      'kube-system/kindnet-xxxxx podlab-worker2',
      'kube-system/kindnet-xxxxx podlab-worker3',
      'kube-system/kube-apiserver-podlab-control-plane podlab-control-plane',
      'kube-system/kube-controller-manager-podlab-control-plane podlab-control-plane',
      'kube-system/kube-proxy-xxxxx podlab-control-plane',
      'kube-system/kube-proxy-xxxxx podlab-worker',
      'kube-system/kube-proxy-xxxxx podlab-worker2',
      'kube-system/kube-proxy-xxxxx podlab-worker3',
      'kube-system/kube-scheduler-podlab-control-plane podlab-control-plane',
      'local-path-storage/local-path-provisioner-HASH-xxxxx podlab-control-plane',
    ])
    const rows = engine.table('pods', undefined).rows.map((r) => r.cells.slice(1, 4).join(' '))
    expect(new Set(rows)).toEqual(new Set(['1/1 Running 0']))
    expect(engine.list('pods', 'default').items).toEqual([])
  })

  it("static pods are mirror pods: owned by the Node, kubeadm's labels, system-node-critical, the node's IP, kind's requests", () => {
    const engine = fresh()
    const etcd = engine.get('pods', 'kube-system', 'etcd-podlab-control-plane') as Pod
    const node = engine.get('nodes', undefined, 'podlab-control-plane')
    expect(etcd.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'podlab-control-plane', uid: node.metadata.uid, controller: true }])
    expect(etcd.metadata.labels).toEqual({ component: 'etcd', tier: 'control-plane' })
    expect(etcd.metadata.annotations?.['kubernetes.io/config.mirror']).toBe(etcd.metadata.annotations?.['kubernetes.io/config.hash'])
    expect(etcd.metadata.annotations?.['kubeadm.kubernetes.io/etcd.advertise-client-urls']).toBe('https://172.18.0.2:2379')
    expect([etcd.spec.priorityClassName, etcd.spec.priority, etcd.spec.serviceAccountName]).toEqual(['system-node-critical', 2000001000, undefined])
    expect(etcd.spec.containers[0]).toMatchObject({ image: 'registry.k8s.io/etcd:3.5.16-0', resources: { requests: { cpu: '100m', memory: '100Mi' } } })
    expect([etcd.status?.podIP, etcd.status?.hostIP, etcd.status?.qosClass]).toEqual(['172.18.0.2', '172.18.0.2', 'Burstable'])
    const apiserver = engine.get('pods', 'kube-system', 'kube-apiserver-podlab-control-plane') as Pod
    expect(apiserver.spec.containers[0]?.image).toBe('registry.k8s.io/kube-apiserver:v1.32.5')
  })

  it('DaemonSet pods: owned by their DaemonSet, its labels and tolerations, kindnet Guaranteed, kube-proxy BestEffort and system-node-critical', () => {
    const engine = fresh()
    const pods = allPods(engine)
    const kindnet = pods.filter((p) => p.metadata.name?.startsWith('kindnet-'))
    expect(new Set(kindnet.map((p) => p.metadata.ownerReferences?.[0]?.uid)).size).toBe(1)
    expect(kindnet[0]?.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kindnet', controller: true, blockOwnerDeletion: true })
    expect(kindnet[0]?.metadata.labels).toMatchObject({ app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node', 'pod-template-generation': '1' })
    expect(kindnet[0]?.status?.qosClass).toBe('Guaranteed')
    expect(kindnet.every((p) => p.status?.podIP === p.status?.hostIP)).toBe(true)
    const proxy = pods.find((p) => p.metadata.name?.startsWith('kube-proxy-'))
    expect([proxy?.status?.qosClass, proxy?.spec.priority, proxy?.spec.containers[0]?.image]).toEqual(['BestEffort', 2000001000, 'registry.k8s.io/kube-proxy:v1.32.5'])
    expect(proxy?.spec.tolerations?.map((t) => `${t.key ?? ''}:${t.effect ?? ''}`)).toEqual([
      ':',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
      'node.kubernetes.io/network-unavailable:NoSchedule',
    ])
  })

  it('coredns and local-path-provisioner: Deployments whose ReplicaSet adopted the running pods, pod IPs from the control plane range, coredns v1.11.3 system-cluster-critical', () => {
    const engine = fresh()
    const pods = allPods(engine)
    const coredns = pods.filter((p) => p.metadata.name?.startsWith('coredns-'))
    const rsName = coredns[0]?.metadata.ownerReferences?.[0]?.name ?? ''
    expect(coredns.map((p) => p.metadata.ownerReferences?.[0]?.kind)).toEqual(['ReplicaSet', 'ReplicaSet'])
    expect(coredns.map((p) => p.metadata.ownerReferences?.[0]?.name)).toEqual([rsName, rsName])
    const rs = engine.get('replicasets', 'kube-system', rsName)
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'coredns' })
    expect(coredns[0]?.metadata.labels).toEqual({ 'k8s-app': 'kube-dns', 'pod-template-hash': rsName.slice('coredns-'.length) })
    const deployments = engine.table('deployments', undefined).rows.map((r) => `${r.object.metadata.name} ${r.cells.slice(1, 4).join(' ')}`)
    expect(deployments).toEqual(['coredns 2/2 2 2', 'local-path-provisioner 1/1 1 1'])
    expect([coredns[0]?.spec.priority, coredns[0]?.spec.containers[0]?.image, coredns[0]?.status?.qosClass]).toEqual([2000000000, 'registry.k8s.io/coredns/coredns:v1.11.3', 'Burstable'])
    const localPath = pods.find((p) => p.metadata.namespace === 'local-path-storage')
    expect(localPath?.status?.podIP).toBe('10.244.0.2')
    expect(coredns.map((p) => p.status?.podIP).sort()).toEqual(['10.244.0.3', '10.244.0.4'])
  })

  it("count against their node: a pod asking for 3.1 of the control plane's 4 CPUs no longer fits there (its own pods request 950m)", () => {
    const engine = fresh()
    engine.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'big' },
      spec: {
        nodeSelector: { 'kubernetes.io/hostname': 'podlab-control-plane' },
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }],
        containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3100m' } } }],
      },
    })
    const big = engine.get('pods', 'default', 'big') as Pod
    expect(big.spec.nodeName).toBeUndefined()
    expect(big.status?.conditions?.[0]?.message).toContain('1 Insufficient cpu')
  })

  it('the pods keep running: an hour later they are still 1/1 Running with no restarts and the kubelet asks for nothing', () => {
    const engine = fresh()
    engine.advance(3_600_000)
    const rows = engine.table('pods', undefined).rows.map((r) => r.cells.slice(1, 4).join(' '))
    expect(new Set(rows)).toEqual(new Set(['1/1 Running 0']))
  })
})
