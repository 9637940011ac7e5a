// Issue 11 items 6 and 7: Podlab's own shapes beside Kubernetes' ones, returned by the engine and carried by the
// doors as they are: the scheduler's recorded verdict of one attempt ("why this node / why Pending") and the
// image catalog's entries and look-up.

/** CPU in millicores, memory in bytes. */
export interface CpuMemory {
  milliCpu: number
  memory: number
}

/** One node a filter rejected: the plugin, its reasons (`Insufficient cpu`), what the node had free when resources were short. */
export interface RejectedNode {
  node: string
  plugin: string
  reasons: string[]
  free?: CpuMemory
}

/** One feasible node: its total and per-plugin weighted scores (empty when a single node fit: no scoring). */
export interface ScoredNode {
  node: string
  total: number
  scores: Record<string, number>
}

/** One recorded scheduling attempt of one pod. Times in virtual ms. */
export interface SchedulingVerdict {
  podUid: string
  namespace: string
  pod: string
  /** `last`: the latest attempt that did not bind; `binding`: the one that bound the pod. */
  slot: 'last' | 'binding'
  at: number
  outcome: 'Scheduled' | 'Unschedulable' | 'Nominated'
  /** The node bound to, or nominated by preemption. */
  node?: string
  /** The FailedScheduling text; '' for a binding. */
  message: string
  /** What the pod requests (the scheduler's sum: containers, init containers, overhead). */
  requests: CpuMemory
  /** Nodes in the cluster at the attempt. */
  allNodes: number
  /** Nodes not looked at because enough fit (percentageOfNodesToScore). */
  notEvaluated: number
  /** A PreFilter rejection that applied to every node (or to the nodes PreFilter left out). */
  preFilter?: { plugin: string; reasons: string[] }
  rejected: RejectedNode[]
  /** The best scored nodes (at most 10), best first. */
  scored: ScoredNode[]
  /** How many feasible nodes were scored in all (scored holds the best of them). */
  scoredNodes: number
}

/** What the image's default process does when the container sets no command: serves until stopped, or exits by itself. */
export type ImageBehaviour = { kind: 'serves' } | { kind: 'exits'; exitCode: number; afterMs: number }

/** One repository of the simulated registry. Sizes in bytes, times in ms. */
export interface CatalogEntry {
  /** As containerd names it: docker.io/library/nginx. */
  repository: string
  /** As a manifest names it: nginx, hashicorp/http-echo, registry.k8s.io/pause. */
  name: string
  defaultTag: string
  /** The tags that exist, as the pattern the catalog holds (a regular expression's source). */
  tagPattern: string
  sizeBytes: number
  pullMs: number
  entrypoint: string[]
  cmd: string[]
  exposedPorts: number[]
  behaviour: ImageBehaviour
}

/** The outcome of looking an image up: it exists, or why a pull of it fails. */
export type CatalogLookup =
  | { found: true; repository: string; tag: string }
  /** The reference does not parse: the kubelet refuses it with InvalidImageName before any pull. */
  | { found: false; invalid: string }
  /** The registry lacks it: `repositoryKnown` says whether only the tag is missing; `registryAnswer` is containerd's gRPC text. */
  | { found: false; repositoryKnown: boolean; registryAnswer: string }
