// Issue 11 items 6 and 7: the shapes of the cluster map, the ownership graph, the scheduler's recorded verdicts
// and the image catalog as they cross the doors. Plain JSON, bounded by ./limits.ts.

import type { CatalogEntry, CatalogLookup, CpuMemory, ImageBehaviour, RejectedNode, ScoredNode, SchedulingVerdict } from '../kube'

export type { CpuMemory }

/** A pod on the map: the pods table's cells (STATUS as kubectl prints it), its node when bound. */
export interface MapPod {
  namespace: string
  name: string
  /** kubectl's STATUS: Running, Pending, ContainerCreating, CrashLoopBackOff, ImagePullBackOff, Completed ... */
  status: string
  /** kubectl's READY: `1/1`. */
  ready: string
  /** The leading count of kubectl's RESTARTS cell. */
  restarts: number
  /** '' until the pod has an IP (kubectl prints <none>). */
  ip: string
  /** '' when not bound. */
  node: string
  /** Its containers' images as written (init containers first): what a pull failure is about. */
  images: string[]
}

export interface MapTaint {
  key: string
  value?: string
  effect: string
}

/** A node condition that is not as a healthy node has it (Ready not True, a pressure True). */
export interface MapCondition {
  type: string
  status: string
  reason: string
  message: string
}

export interface MapNode {
  name: string
  /** kubectl's STATUS: `Ready`, `NotReady`, `Unknown`, with `,SchedulingDisabled` when cordoned. */
  status: string
  ready: 'Ready' | 'NotReady' | 'Unknown'
  cordoned: boolean
  /** kubectl's ROLES: `control-plane`, `<none>`. */
  roles: string
  taints: MapTaint[]
  problems: MapCondition[]
  allocatable: CpuMemory
  /** What its pods that are not finished request (kubectl describe node's Allocated resources). */
  requested: CpuMemory
  pods: MapPod[]
}

export interface ClusterMap {
  nodes: MapNode[]
  /** Pods with no node (Pending, waiting for the scheduler). */
  unscheduled: MapPod[]
  /** Pods in the cluster, and how many of them the map leaves out (past MAX_MAP_PODS). */
  totalPods: number
  omittedPods: number
}

/** One object of the ownership graph: `id` is `Kind/namespace/name`. */
export interface GraphObject {
  id: string
  kind: 'Deployment' | 'ReplicaSet' | 'Job' | 'Pod'
  namespace: string
  name: string
  /** Deployment/ReplicaSet: `ready/desired`; Job: `succeeded/completions`; Pod: kubectl's STATUS. */
  status: string
}

/** owner -> dependent, from the dependent's controller ownerReference. */
export interface GraphEdge {
  from: string
  to: string
}

export interface OwnershipGraph {
  objects: GraphObject[]
  edges: GraphEdge[]
  /** Objects left out past MAX_GRAPH_OBJECTS. */
  omitted: number
}

// The engine's own shapes (main/kube/scheduling.ts), under the names the renderer knows them by.
export type VerdictRejection = RejectedNode
export type VerdictScore = ScoredNode
export type SchedulingVerdictView = SchedulingVerdict
export type ImageBehaviourView = ImageBehaviour
export type CatalogImageView = CatalogEntry
export type ImageLookupView = CatalogLookup

export interface ImageCatalogView {
  images: CatalogImageView[]
  lookup?: ImageLookupView
}
