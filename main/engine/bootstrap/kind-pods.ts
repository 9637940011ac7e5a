// The pods of a fresh kind cluster (system-pods.ts builds each one), created through the in-engine client and
// found already running, as `kind create cluster` leaves them a minute before the learner's first command:
// kind preloads their images into every node, and their containers are up (the node's record of each pod says
// so; the kubelet's first sync then reports it Running, with no Pulling/Created/Started events, which a real
// cluster's static pods do not show either). They count against each node's pods and resources like any pod.

import type { Deployment } from '../api/apps/types'
import type { Node } from '../api/nodes/types'
import { nodeInternalIP } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import type { Client } from '../client/client'
import { computeHash } from '../controllers/deployment/hash'
import { POD_TEMPLATE_HASH } from '../controllers/deployment/replicas'
import { allocateIp } from '../kubelet/ipam'
import { parseImage } from '../images'
import { NodeImages } from '../kubelet/node-images'
import { runtimeKey, type PodRuntime } from '../kubelet/runtime-state'
import { newContainerId } from '../runtime/ids'
import type { World } from '../world'
import { KIND_IMAGES } from './kind-images'
import {
  COREDNS,
  daemonSetRef,
  kindnetPod,
  kubeProxyPod,
  LOCAL_PATH_PROVISIONER,
  staticPod,
  STATIC_COMPONENTS,
  type AddonTemplate,
} from './system-pods'

/** Creates `pod` and records its containers as running on `node` since now (ms). */
function createRunning(world: World, client: Client, pod: Parameters<Client['create']>[0], node: Node): void {
  const created = client.create(pod) as Pod
  const nodeName = node.metadata.name ?? ''
  const now = world.now()
  const rt: PodRuntime = { uid: created.metadata.uid ?? '', seenAt: now, sandboxReadyAt: now, containers: {} }
  if (created.spec.hostNetwork) [rt.ip, rt.hostNetwork] = [nodeInternalIP(node) ?? '', true]
  else rt.ip = allocateIp(world.nodeState, nodeName, node.spec?.podCIDR ?? '')
  for (const c of created.spec.containers) {
    rt.containers[c.name] = { stage: 'running', restartCount: 0, containerId: newContainerId(world.rng), image: c.image, startedAt: now }
  }
  world.nodeState.set(nodeName, runtimeKey(created.metadata.namespace ?? '', created.metadata.name ?? ''), rt)
}

/**
 * coredns and local-path-provisioner, which kind installs as Deployments (kind-cluster.md §2.4). Their pods are
 * found running like the rest, bound to the control plane where kind's land (they exist before any worker
 * joins), labelled with the pod-template-hash of the Deployment's stored template and owned by no one: at the
 * bootstrap's settle the Deployment controller makes `<deployment>-<hash>` and the ReplicaSet controller adopts
 * them (ClaimPods), as it adopts any matching orphan. The hash is Podlab's (controllers/deployment/hash.ts), so
 * the ReplicaSet is not named `coredns-668d6bf9bc` as on kind.
 */
function createAddonDeployments(world: World, client: Client, controlPlane: Node): void {
  for (const addon of [LOCAL_PATH_PROVISIONER, COREDNS] as AddonTemplate[]) {
    const deployment = client.create<Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: addon.deployment, namespace: addon.namespace, labels: { ...addon.labels } },
      spec: { replicas: addon.replicas, selector: { matchLabels: { ...addon.labels } }, template: { metadata: { labels: { ...addon.labels } }, spec: structuredClone(addon.spec) } },
    })
    const { template } = deployment.spec
    const hash = computeHash(template)
    for (let i = 0; i < addon.replicas; i++) {
      const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { generateName: `${addon.deployment}-${hash}-`, namespace: addon.namespace, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } },
        spec: { ...structuredClone(template.spec), nodeName: controlPlane.metadata.name },
      }
      createRunning(world, client, pod, controlPlane)
    }
  }
}

/** Every system pod of kind's cluster on `nodes` (the control plane first, as kind registers it). */
export function createKindPods(world: World, client: Client, nodes: Node[]): void {
  const [controlPlane] = nodes
  if (!controlPlane) return
  const cpName = controlPlane.metadata.name ?? ''
  for (const node of nodes) {
    const images = new NodeImages(world.nodeState, node.metadata.name ?? '')
    for (const image of Object.values(KIND_IMAGES)) images.add(parseImage(image).full)
  }
  const cp = { name: cpName, uid: controlPlane.metadata.uid ?? '', ip: nodeInternalIP(controlPlane) ?? '' }
  for (const component of STATIC_COMPONENTS) createRunning(world, client, staticPod(component, cp, world.now(), world.rng), controlPlane)
  const kindnet = daemonSetRef('kindnet', world.rng)
  const kubeProxy = daemonSetRef('kube-proxy', world.rng)
  for (const node of nodes) {
    createRunning(world, client, kindnetPod(kindnet, node.metadata.name ?? '', cpName), node)
    createRunning(world, client, kubeProxyPod(kubeProxy, node.metadata.name ?? ''), node)
  }
  createAddonDeployments(world, client, controlPlane)
}
