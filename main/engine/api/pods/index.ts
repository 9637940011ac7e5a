// What the engine calls for Pods, in the API server's order for a create:
//   decode (../strict decodeBody) -> applyPodDefaults -> admitPod -> generate the name -> validatePod -> store
// and for an update: decode -> applyPodDefaults -> admitPodUpdate -> validatePodUpdate -> store.

export { applyPodDefaults, applyPodSpecDefaults, applyContainerDefaults } from './defaults'
export { admitPod, admitPodUpdate, writeServiceAccountAlias, type AdmissionContext } from './admission'
export { validatePod, validatePodUpdate } from './validate'
export { validatePodSpec } from './validation/spec'
export { UPDATABLE_POD_SPEC_FIELDS } from './validation/update'
export { defaultPullPolicy, imageTag } from './image'
export type * from './types'
