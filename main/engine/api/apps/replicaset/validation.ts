// ReplicaSet validation (kubernetes v1.32 pkg/apis/apps/validation/validation.go ValidateReplicaSet,
// ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet, ValidateReplicaSetStatus and
// pkg/registry/apps/replicaset/strategy.go ValidateUpdate's selector immutability for apps/v1), with the
// errors in upstream's order.

import type { ObjectMeta } from '../../../../kube'
import { selectorFromLabelSelector, validateLabelSelector, type Selector } from '../../../labels'
import type { FieldError } from '../../errors'
import { child, forbidden, invalid, notSupported, required } from '../../field'
import { nameIsDNSSubdomain } from '../../meta/names'
import { validateObjectMeta } from '../../meta/objectmeta'
import { validatePodTemplateSpec } from '../../pods/validation/pod-template'
import { validateObjectMetaUpdate } from '../../pods/validation/update'
import type { LabelSelector, PodTemplateSpec, ReplicaSet, ReplicaSetSpec, ReplicaSetStatus } from '../types'
import { goLabels, goLabelSelector } from './go-values'

const NEGATIVE = 'must be greater than or equal to 0'

/** ValidateNonnegativeField: `value` (an int) at `path` is at least 0. */
export function validateNonnegative(value: number | undefined, path: string): FieldError[] {
  return (value ?? 0) < 0 ? [invalid(path, value, NEGATIVE)] : []
}

/**
 * ValidatePodTemplateSpecForReplicaSet (also what Deployments are held to): the template's labels match
 * `selector` (unless it selects everything), ValidatePodTemplateSpec, restartPolicy Always only and no
 * activeDeadlineSeconds. `path` is `spec.template`.
 */
export function validatePodTemplateSpecForReplicaSet(template: PodTemplateSpec | undefined, selector: Selector, path: string): FieldError[] {
  if (!template) return [required(path)]
  const errs: FieldError[] = []
  const labels = template.metadata?.labels
  if (!selector.empty() && !selector.matches(labels)) {
    errs.push(invalid(child(path, 'metadata', 'labels'), goLabels(labels), '`selector` does not match template `labels`'))
  }
  errs.push(...validatePodTemplateSpec(template, path))
  const spec = template.spec ?? {}
  if (spec.restartPolicy !== 'Always') errs.push(notSupported(child(path, 'spec', 'restartPolicy'), spec.restartPolicy ?? '', ['Always']))
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(child(path, 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicaSet is not Supported'))
  }
  return errs
}

/**
 * The selector rules every apps workload shares (ValidateReplicaSetSpec / ValidateDeploymentSpec): required,
 * valid, not empty (upstream says "for deployment" for ReplicaSets too), then the selector as parsed — or
 * undefined with `invalid label selector` when it cannot be.
 */
export function validateWorkloadSelector(ls: LabelSelector | undefined, path: string): { errs: FieldError[]; selector?: Selector } {
  const errs: FieldError[] = []
  if (ls === undefined || ls === null) {
    errs.push(required(path))
  } else {
    errs.push(...validateLabelSelector(ls, path))
    if (Object.keys(ls.matchLabels ?? {}).length + (ls.matchExpressions?.length ?? 0) === 0) {
      errs.push(invalid(path, goLabelSelector(ls), 'empty selector is invalid for deployment'))
    }
  }
  try {
    return { errs, selector: selectorFromLabelSelector(ls) }
  } catch {
    errs.push(invalid(path, ls ? goLabelSelector(ls) : null, 'invalid label selector'))
    return { errs }
  }
}

/** ValidateReplicaSetSpec at `path` (`spec`). */
export function validateReplicaSetSpec(spec: ReplicaSetSpec, path: string): FieldError[] {
  const errs = [...validateNonnegative(spec.replicas, child(path, 'replicas')), ...validateNonnegative(spec.minReadySeconds, child(path, 'minReadySeconds'))]
  const { errs: selectorErrs, selector } = validateWorkloadSelector(spec.selector, child(path, 'selector'))
  errs.push(...selectorErrs)
  if (selector) errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, selector, child(path, 'template')))
  return errs
}

/** ValidateReplicaSet, on create (the object defaulted). */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [
    ...validateObjectMeta(rs.metadata ?? {}, { namespaced: true, nameFn: nameIsDNSSubdomain }),
    ...validateReplicaSetSpec(rs.spec ?? ({} as ReplicaSetSpec), 'spec'),
  ]
}

/** ValidateImmutableField on a selector, printed as Go prints it. */
export function validateImmutableSelector(next: LabelSelector | undefined, prev: LabelSelector | undefined, path: string): FieldError[] {
  if (sameSelector(next, prev)) return []
  return [invalid(path, next ? goLabelSelector(next) : null, 'field is immutable')]
}

/**
 * rsStrategy.ValidateUpdate for apps/v1: ValidateReplicaSet, then ValidateReplicaSetUpdate (the spec errors
 * come twice, as upstream's do; the message drops the repeats), then the selector's immutability.
 */
export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  return [
    ...validateReplicaSet(rs),
    ...validateObjectMetaUpdate(rs.metadata ?? ({} as ObjectMeta), old.metadata ?? {}),
    ...validateReplicaSetSpec(rs.spec ?? ({} as ReplicaSetSpec), 'spec'),
    ...validateImmutableSelector(rs.spec?.selector, old.spec?.selector, child('spec', 'selector')),
  ]
}

/** ValidateReplicaSetStatus at `path` (`status`): counts not negative, none above replicas, available <= ready. */
export function validateReplicaSetStatus(status: ReplicaSetStatus | undefined, path: string): FieldError[] {
  // Go's counts are int32 fields: an absent one is 0.
  const s = status ?? ({} as Partial<ReplicaSetStatus>)
  const [replicas, labeled, ready, available] = [s.replicas ?? 0, s.fullyLabeledReplicas ?? 0, s.readyReplicas ?? 0, s.availableReplicas ?? 0]
  const errs = [
    ...validateNonnegative(replicas, child(path, 'replicas')),
    ...validateNonnegative(labeled, child(path, 'fullyLabeledReplicas')),
    ...validateNonnegative(ready, child(path, 'readyReplicas')),
    ...validateNonnegative(available, child(path, 'availableReplicas')),
    ...validateNonnegative(s.observedGeneration, child(path, 'observedGeneration')),
  ]
  const msg = 'cannot be greater than status.replicas'
  if (labeled > replicas) errs.push(invalid(child(path, 'fullyLabeledReplicas'), labeled, msg))
  if (ready > replicas) errs.push(invalid(child(path, 'readyReplicas'), ready, msg))
  if (available > replicas) errs.push(invalid(child(path, 'availableReplicas'), available, msg))
  if (available > ready) errs.push(invalid(child(path, 'availableReplicas'), available, 'cannot be greater than readyReplicas'))
  return errs
}

/** ValidateReplicaSetStatusUpdate. */
export function validateReplicaSetStatusUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  return [...validateObjectMetaUpdate(rs.metadata ?? ({} as ObjectMeta), old.metadata ?? {}), ...validateReplicaSetStatus(rs.status, 'status')]
}

/** apiequality.Semantic.DeepEqual of two selectors (its forked reflect takes nil and empty maps and slices as equal). */
function sameSelector(a: LabelSelector | undefined, b: LabelSelector | undefined): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

function canonical(ls: LabelSelector | undefined): unknown {
  if (!ls) return null
  const labels = Object.entries(ls.matchLabels ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
  return { labels, expressions: (ls.matchExpressions ?? []).map((r) => ({ k: r.key, o: r.operator, v: r.values ?? [] })) }
}
