// The pods `kind create cluster` leaves running (kind-cluster.md §2): the control plane's static pods on the
// control-plane node (their mirror pods, owned by the Node), kube-proxy and kindnet on every node (the
// DaemonSet controller's pods: owned by their DaemonSet, bound with spec.nodeName), and the addons kubeadm and
// kind install as Deployments: coredns (2 replicas) and local-path-provisioner. Each pod is built here as its
// owner would create it; bootstrap creates it through the in-engine client.

import type { OwnerReference } from '../../kube'
import type { Pod } from '../api/pods/types'
import { randomSuffix } from '../api/meta/names'
import { newContainerId, newUid } from '../runtime/ids'
import type { Rng } from '../runtime/rng'
import { KIND_IMAGES } from './kind-images'

const KUBE_SYSTEM = 'kube-system'
const LOCAL_PATH_STORAGE = 'local-path-storage'
/** kind's pod subnet and the control plane's endpoint, as kind writes them into kindnet's environment. */
const POD_SUBNET = '10.244.0.0/16'

const LINUX = { 'kubernetes.io/os': 'linux' }


/** A kube-system component kubeadm writes as a static pod manifest, and its requests (kind-cluster.md §2.1). */
interface StaticComponent {
  name: string
  image: string
  requests: Record<string, string>
  annotations?: (nodeIP: string) => Record<string, string>
}

export const STATIC_COMPONENTS: StaticComponent[] = [
  {
    name: 'etcd',
    image: KIND_IMAGES.etcd,
    requests: { cpu: '100m', memory: '100Mi' },
    annotations: (ip) => ({ 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` }),
  },
  {
    name: 'kube-apiserver',
    image: KIND_IMAGES.apiserver,
    requests: { cpu: '250m' },
    annotations: (ip) => ({ 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` }),
  },
  { name: 'kube-controller-manager', image: KIND_IMAGES.controllerManager, requests: { cpu: '200m' } },
  { name: 'kube-scheduler', image: KIND_IMAGES.scheduler, requests: { cpu: '100m' } },
]

/** metav1.Time with nanoseconds, as the kubelet writes kubernetes.io/config.seen. */
const rfc3339Nano = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')

/**
 * The mirror pod the control-plane kubelet creates for a static pod (kubelet pod/mirror_client.go): named
 * `<component>-<node>`, owned by the Node (controller, no blockOwnerDeletion), with kubeadm's labels and
 * ComponentPod's spec (hostNetwork, system-node-critical, RuntimeDefault seccomp, NoExecute tolerated).
 */
export function staticPod(component: StaticComponent, node: { name: string; uid: string; ip: string }, nowMs: number, rng: Rng): Pod {
  const hash = newContainerId(rng).slice(0, 32)
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component.name}-${node.name}`,
      namespace: KUBE_SYSTEM,
      labels: { component: component.name, tier: 'control-plane' },
      annotations: {
        ...component.annotations?.(node.ip),
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': rfc3339Nano(nowMs),
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }],
    },
    spec: {
      containers: [{ name: component.name, image: component.image, imagePullPolicy: 'IfNotPresent', resources: { requests: component.requests } }],
      hostNetwork: true,
      nodeName: node.name,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
    },
  }
}

/** util.AddOrUpdateDaemonPodTolerations: what the DaemonSet controller adds to every pod, in its order. */
function daemonTolerations(hostNetwork: boolean): Array<Record<string, string>> {
  const t = (key: string, effect: string) => ({ effect, key: `node.kubernetes.io/${key}`, operator: 'Exists' })
  return [
    t('not-ready', 'NoExecute'),
    t('unreachable', 'NoExecute'),
    t('disk-pressure', 'NoSchedule'),
    t('memory-pressure', 'NoSchedule'),
    t('pid-pressure', 'NoSchedule'),
    t('unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('network-unavailable', 'NoSchedule')] : []),
  ]
}

/** A DaemonSet as its pods name it: its ownerReference and template revision (drawn once per cluster). */
interface DaemonSetRef {
  owner: OwnerReference
  revisionHash: string
}

export function daemonSetRef(name: string, rng: Rng): DaemonSetRef {
  return {
    owner: { apiVersion: 'apps/v1', kind: 'DaemonSet', name, uid: newUid(rng), controller: true, blockOwnerDeletion: true },
    revisionHash: randomSuffix(rng, 10),
  }
}

/** The DaemonSet controller's pod for `node`: generateName `<ds>-`, its labels, the node's matchFields affinity. */
function daemonPod(ds: DaemonSetRef, node: string, labels: Record<string, string>, spec: Pod['spec']): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.owner.name}-`,
      namespace: KUBE_SYSTEM,
      labels: { 'controller-revision-hash': ds.revisionHash, ...labels, 'pod-template-generation': '1' },
      ownerReferences: [ds.owner],
    },
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] },
        },
      },
      ...spec,
      nodeName: node,
      tolerations: [...(spec.tolerations ?? []), ...daemonTolerations(spec.hostNetwork === true)],
    },
  }
}

const fieldRef = (name: string, fieldPath: string) => ({ name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } })

/** kind's kindnet DaemonSet pod (K-cni): Guaranteed 100m/50Mi, no priority class in kind's v1.32 images. */
export function kindnetPod(ds: DaemonSetRef, node: string, controlPlane: string): Pod {
  const resources = { cpu: '100m', memory: '50Mi' }
  return daemonPod(ds, node, { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }, {
    containers: [
      {
        name: 'kindnet-cni',
        image: KIND_IMAGES.kindnetd,
        env: [
          fieldRef('HOST_IP', 'status.hostIP'),
          fieldRef('POD_IP', 'status.podIP'),
          { name: 'POD_SUBNET', value: POD_SUBNET },
          { name: 'CONTROL_PLANE_ENDPOINT', value: `${controlPlane}:6443` },
        ],
        resources: { limits: resources, requests: resources },
        securityContext: { capabilities: { add: ['NET_RAW', 'NET_ADMIN'] }, privileged: false },
      },
    ],
    hostNetwork: true,
    nodeSelector: LINUX,
    serviceAccountName: 'kindnet',
    tolerations: [{ operator: 'Exists' }],
  })
}

/** kubeadm's kube-proxy DaemonSet pod: BestEffort, system-node-critical, privileged. */
export function kubeProxyPod(ds: DaemonSetRef, node: string): Pod {
  return daemonPod(ds, node, { 'k8s-app': 'kube-proxy' }, {
    containers: [
      {
        name: 'kube-proxy',
        image: KIND_IMAGES.proxy,
        command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
        env: [fieldRef('NODE_NAME', 'spec.nodeName')],
        securityContext: { privileged: true },
      },
    ],
    hostNetwork: true,
    nodeSelector: LINUX,
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'kube-proxy',
    tolerations: [{ operator: 'Exists' }],
  })
}

/** A Deployment's pod template as kubeadm (coredns) and kind (local-path) write it, and its ReplicaSet's hash. */
export interface AddonTemplate {
  deployment: string
  namespace: string
  replicas: number
  labels: Record<string, string>
  spec: Pod['spec']
}

export const COREDNS: AddonTemplate = {
  deployment: 'coredns',
  namespace: KUBE_SYSTEM,
  replicas: 2,
  labels: { 'k8s-app': 'kube-dns' },
  spec: {
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' },
          },
        ],
      },
    },
    containers: [
      {
        name: 'coredns',
        image: KIND_IMAGES.coredns,
        imagePullPolicy: 'IfNotPresent',
        args: ['-conf', '/etc/coredns/Corefile'],
        ports: [
          { containerPort: 53, name: 'dns', protocol: 'UDP' },
          { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
          { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
        ],
        resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
      },
    ],
    dnsPolicy: 'Default',
    nodeSelector: LINUX,
    priorityClassName: 'system-cluster-critical',
    serviceAccountName: 'coredns',
    tolerations: [
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
    ],
  },
}

export const LOCAL_PATH_PROVISIONER: AddonTemplate = {
  deployment: 'local-path-provisioner',
  namespace: LOCAL_PATH_STORAGE,
  replicas: 1,
  labels: { app: 'local-path-provisioner' },
  spec: {
    containers: [
      {
        name: 'local-path-provisioner',
        image: KIND_IMAGES.localPath,
        imagePullPolicy: 'IfNotPresent',
        command: ['local-path-provisioner', '--debug', 'start', '--helper-image', KIND_IMAGES.localPathHelper, '--config', '/etc/config/config.json'],
        env: [fieldRef('POD_NAMESPACE', 'metadata.namespace'), { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' }],
      },
    ],
    nodeSelector: LINUX,
    serviceAccountName: 'local-path-provisioner-service-account',
    tolerations: [
      { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' },
      { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' },
    ],
  },
}
