// ValidatePodTemplateSpecForReplicaSet (kubernetes v1.32 pkg/apis/apps/validation/validation.go): the template of
// a ReplicaSet or a Deployment matches its selector, is a valid pod template, restarts Always and has no
// activeDeadlineSeconds.

import type { Selector } from '../../../labels'
import type { FieldError } from '../../errors'
import { child, forbidden, invalid, notSupported } from '../../field'
import { validatePodTemplateSpec } from '../../pods/validation/pod-template'
import type { PodTemplateSpec } from '../types'
import { goLabels } from './go-values'

/** The errors of `template` at `path` (`spec.template`) for pods selected by `selector`. */
export function validatePodTemplateSpecForReplicaSet(template: PodTemplateSpec | undefined, selector: Selector, path: string): FieldError[] {
  if (!template) return [{ field: path, type: 'FieldValueRequired', body: 'Required value' }]
  const errs: FieldError[] = []
  const labels = template.metadata?.labels
  if (!selector.empty() && !selector.matches(labels)) {
    errs.push(invalid(child(path, 'metadata', 'labels'), goLabels(labels), '`selector` does not match template `labels`'))
  }
  errs.push(...validatePodTemplateSpec(template, path))
  const restartPolicy = template.spec?.restartPolicy ?? ''
  if (restartPolicy !== 'Always') errs.push(notSupported(child(path, 'spec', 'restartPolicy'), restartPolicy, ['Always']))
  if (template.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden(child(path, 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicaSet is not Supported'))
  }
  return errs
}
