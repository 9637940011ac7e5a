// A pod's head: the fields printPod reads (kubernetes pkg/printers/internalversion/printers.go, pod-table.ts)
// and the row's PartialObjectMetadata carries, nothing else. The store keeps one beside each pod (object_heads)
// so that `kubectl get pods` over 10,000 pods parses ~700 bytes a pod instead of the whole pod (~6 KB: spec,
// managedFields and image ids the table never shows). podCells takes a PodHead, so a field it starts reading
// that the head lacks is a type error here, not a silently wrong column.

import type { ObjectMeta } from '../../kube'
import type { Container, ContainerStatus, Pod, PodCondition, PodSpec, PodStatus } from '../api/pods/types'

export type ContainerStatusHead = Pick<ContainerStatus, 'name' | 'restartCount' | 'ready' | 'started' | 'state' | 'lastState'>

export interface PodHead {
  metadata: Pick<ObjectMeta, 'name' | 'namespace' | 'uid' | 'resourceVersion' | 'creationTimestamp' | 'deletionTimestamp'>
  spec: Pick<PodSpec, 'nodeName' | 'readinessGates'> & {
    /** Names only: the table counts them. */
    containers?: Array<Pick<Container, 'name'>>
    initContainers?: Array<Pick<Container, 'name' | 'restartPolicy'>>
  }
  status?: Pick<PodStatus, 'phase' | 'reason' | 'nominatedNodeName' | 'podIPs'> & {
    conditions?: Array<Pick<PodCondition, 'type' | 'status' | 'reason'>>
    initContainerStatuses?: ContainerStatusHead[]
    containerStatuses?: ContainerStatusHead[]
  }
}

/**
 * The head of `pod`. Must project what migration 0007's backfill projects in SQL (object-heads.test.ts holds
 * the two together): a field that is absent stays absent.
 */
export function podHead(pod: Pod): PodHead {
  const m = pod.metadata
  const spec = pod.spec
  const status = pod.status
  return {
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
      deletionTimestamp: m.deletionTimestamp,
    },
    spec: {
      nodeName: spec.nodeName,
      readinessGates: spec.readinessGates,
      containers: spec.containers?.map((c) => ({ name: c.name })),
      initContainers: spec.initContainers?.map((c) => ({ name: c.name, restartPolicy: c.restartPolicy })),
    },
    status: status && {
      phase: status.phase,
      reason: status.reason,
      nominatedNodeName: status.nominatedNodeName,
      podIPs: status.podIPs,
      conditions: status.conditions?.map((c) => ({ type: c.type, status: c.status, reason: c.reason })),
      initContainerStatuses: status.initContainerStatuses?.map(statusHead),
      containerStatuses: status.containerStatuses?.map(statusHead),
    },
  }
}

function statusHead(c: ContainerStatus): ContainerStatusHead {
  return { name: c.name, restartCount: c.restartCount, ready: c.ready, started: c.started, state: c.state, lastState: c.lastState }
}
