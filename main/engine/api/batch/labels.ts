// The labels and annotations the Job API and its controller put on pods (k8s.io/api v0.32.0 batch/v1/types.go).

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name'
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid'
/** Set for backwards compatibility; the prefixed ones above are the API's. */
export const LEGACY_JOB_NAME_LABEL = 'job-name'
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid'
/** On an Indexed Job's pods: the completion index, as an annotation and a label. */
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index'
/** The finalizer that keeps a finished pod until the Job controller has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking'
