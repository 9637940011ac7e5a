// The images of a kind cluster's own pods, as kindest/node v1.32.5 (kind v0.29.0, the node version Podlab's
// nodes report) ships them preloaded: Kubernetes' components at the node's version, etcd and CoreDNS as kubeadm
// 1.32 pins them (DefaultEtcdVersion 3.5.16-0, CoreDNSVersion v1.11.3), kindnetd and local-path-provisioner
// from kind's own manifests (kind-cluster.md §1).

import { KUBELET_VERSION } from '../kubelet/node-status'

export const KIND_IMAGES = {
  etcd: 'registry.k8s.io/etcd:3.5.16-0',
  apiserver: `registry.k8s.io/kube-apiserver:${KUBELET_VERSION}`,
  controllerManager: `registry.k8s.io/kube-controller-manager:${KUBELET_VERSION}`,
  scheduler: `registry.k8s.io/kube-scheduler:${KUBELET_VERSION}`,
  proxy: `registry.k8s.io/kube-proxy:${KUBELET_VERSION}`,
  coredns: 'registry.k8s.io/coredns/coredns:v1.11.3',
  kindnetd: 'docker.io/kindest/kindnetd:v20250512-df8de77b',
  localPath: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a',
  localPathHelper: 'docker.io/kindest/local-path-helper:v20241212-8ac705d0',
  pause: 'registry.k8s.io/pause:3.10',
} as const
