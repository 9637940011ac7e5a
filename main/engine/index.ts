// The engine's face: the only module the doors (host, door, ipc, protocol, the Electron entry) and the built-in
// kubectl import. Everything behind it (the API server, registry, store, controllers, kubelets, clock) may be
// reshaped without touching them; `npm run lint:arrows` fails on a deep import from outside the engine.

export type {
  AdvanceOptions,
  ApplyOptions,
  ChaosOperation,
  ChaosOutcome,
  ClockOwner,
  CreateOptions,
  DeleteOptions,
  Door,
  DryRun,
  Engine,
  ExecListener,
  ExecOutput,
  ExecRequest,
  AttachRequest,
  HostEngine,
  HistoryCursor,
  HistoryVersion,
  LogsRequest,
  ListOptions,
  ListResult,
  NodeOperation,
  NodePowerState,
  PatchType,
  PodBinding,
  ResourceRef,
  OpenAPIV3Document,
  OpenAPIV3Root,
} from './engine'
export { openCluster, type OpenOptions } from './open-cluster'
export { createRng, seedState, type Rng } from './runtime/rng'

// Errors a door or kubectl switches on (typed, with a reason; never matched by message).
export { ApiError, isApiError, type StatusDetails, type StatusReason } from './api/errors'
export { ClusterFileBusy } from './store/busy'
export { SaveCopyRefused } from './store/save-copy'
export { ExecRefused } from './containerd/pod-io'
export { NodePowerUnchanged } from './kubelet/node-power'
export { asClusterFileError, isClusterFileError } from './store/open/errors'
export { ChaosRefused, isChaosRefused, type ChaosRefusal } from './chaos/errors'

// Kubernetes helpers kubectl needs on its side of the wire, as the real kubectl has them from apimachinery.
export { apiVersionOf } from './resources'
export { parseSelector, selectorFromLabelSelector, LabelSelectorError, type LabelSelector, type Selector } from './labels'
export { filterByFields } from './fields'
export { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, createThreeWayMergePatch, createTwoWayMergePatch, keepsIdentity, StrategicPatchError } from './api/patch'
export { parse as parseImageReference, ReferenceError as ImageReferenceError } from './images/reference'
export { typeForKind } from './api/schema'
export type { ImagePreview } from './images'
export { unknownFields } from './api/strict'
export { DOCUMENTED_ONLY_RESOURCES } from './api/openapi'
export { setUnschedulable } from './nodes/cordon'
export { isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum } from './api/meta/validation'

// The shell syntax (mvdan-sh's parser, converted to the containers' shell's own tree) the in-app console parses
// what a learner types with: one parser for the containers' shells and the console.
export { parseScript, ParseFailure } from './shell/parse'
export type { Script, Stmt, Cmd, Word, Part, Redir } from './shell/ast'
