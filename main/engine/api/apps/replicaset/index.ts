export { applyPodTemplateDefaults, applyReplicaSetDefaults } from './defaults'
export { goLabels, goLabelSelector } from './go-values'
export {
  validateImmutableSelector,
  validateNonnegative,
  validatePodTemplateSpecForReplicaSet,
  validateReplicaSet,
  validateReplicaSetSpec,
  validateReplicaSetStatus,
  validateReplicaSetStatusUpdate,
  validateReplicaSetUpdate,
  validateWorkloadSelector,
} from './validation'
