// Pod validation on create and update (kubernetes v1.32.1 pkg/apis/core/validation/validation.go
// ValidatePodCreate, validatePodMetadataAndSpec, ValidatePodUpdate). Errors come out in Kubernetes' order, so
// `The Pod "x" is invalid: [..., ...]` lists them as a real API server would.
// Not checked: pod-specific annotations (mirror, deletion cost, seccomp/AppArmor), ephemeral containers
// beyond "cannot be set on create", and everything validation/spec.ts lists as not checked.

import type { FieldError } from '../errors'
import { child, forbidden } from '../field'
import { nameIsDNSSubdomain } from '../meta/names'
import { validateObjectMeta } from '../meta/objectmeta'
import type { Pod } from './types'
import { validateImageWhitespace } from './validation/containers'
import { validatePodSpec, validateProjectedTokens } from './validation/spec'
import { validateObjectMetaUpdate, validateSpecUpdate } from './validation/update'
import { isObj, type Obj } from './validation/values'

function specOf(pod: Pod): Obj {
  return isObj(pod.spec) ? (pod.spec as unknown as Obj) : {}
}

function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const spec = specOf(pod)
  return [
    ...validateObjectMeta(pod.metadata ?? {}, { namespaced: true, nameFn: nameIsDNSSubdomain }),
    ...validatePodSpec(spec, 'spec'),
    ...validateProjectedTokens(spec, 'spec'),
    ...validateImageWhitespace(spec.containers, 'spec.containers'),
    ...validateImageWhitespace(spec.initContainers, 'spec.initContainers'),
  ]
}

/** ValidatePodCreate, on a pod that has been defaulted and admitted. */
export function validatePod(pod: Pod): FieldError[] {
  const spec = specOf(pod)
  const errs = validatePodMetadataAndSpec(pod)
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) {
    errs.push(forbidden(child('spec', 'ephemeralContainers'), 'cannot be set on create'))
  }
  if (spec.nodeName && Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0) {
    errs.push(forbidden(child('spec', 'nodeName'), 'cannot be set until all schedulingGates have been cleared'))
  }
  return errs
}

/**
 * ValidatePodUpdate: `next` defaulted, `prev` as stored. The trailing spec diff of the Forbidden message is
 * ours (changed JSON paths), not go-cmp's.
 */
export function validatePodUpdate(next: Pod, prev: Pod): FieldError[] {
  return [
    ...validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {}),
    ...validatePodMetadataAndSpec(next),
    ...validateSpecUpdate(specOf(next), specOf(prev)),
  ]
}
