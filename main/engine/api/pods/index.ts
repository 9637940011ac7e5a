// What the engine calls for Pods, in the API server's order for a create:
//   decode (../strict decodeBody) -> applyPodDefaults -> admitPod -> generate the name -> validatePod -> store
// and for an update: decode -> applyPodDefaults -> admitPodUpdate -> validatePodUpdate -> store.

export { applyPodDefaults } from './defaults'
export { admitPod, admitPodUpdate, type AdmissionContext } from './admission'
export { validatePod, validatePodUpdate } from './validate'
export type * from './types'
