// ValidatePodTemplateSpec (kubernetes v1.32 pkg/apis/core/validation/validation.go): what every controller's
// template is held to — its labels and annotations (not the rest of ObjectMeta: a template has no name) and
// its pod spec under `<path>.spec`, checked as a pod's is. The kinds add their own rules around it (apps:
// restartPolicy Always and the selector; batch: OnFailure/Never).

import type { FieldError } from '../../errors'
import { child, forbidden } from '../../field'
import { validateAnnotations, validateLabels } from '../../meta/objectmeta'
import type { PodTemplateSpec } from '../../apps/types'
import { validateImageWhitespace } from './containers'
import { validatePodSpec, validateProjectedTokens } from './spec'
import { isObj, type Obj } from './values'

/** ValidatePodTemplateSpec: `template` at `path` (`spec.template`), errors in upstream's order. */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: string): FieldError[] {
  const spec: Obj = isObj(template.spec) ? (template.spec as unknown as Obj) : {}
  const specPath = child(path, 'spec')
  const errs: FieldError[] = [
    ...validateLabels(template.metadata?.labels, child(path, 'labels')),
    ...validateAnnotations(template.metadata?.annotations, child(path, 'annotations')),
    ...validatePodSpec(spec, specPath),
    ...validateProjectedTokens(spec, specPath),
    ...validateImageWhitespace(spec.containers, child(specPath, 'containers')),
    ...validateImageWhitespace(spec.initContainers, child(specPath, 'initContainers')),
  ]
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) {
    errs.push(forbidden(child(specPath, 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'))
  }
  return errs
}
