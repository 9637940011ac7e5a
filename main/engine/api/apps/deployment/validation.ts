// Deployment validation (kubernetes v1.32 pkg/apis/apps/validation/validation.go ValidateDeployment,
// ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment, ValidateDeploymentUpdate,
// ValidateDeploymentStatusUpdate) and the strategy's selector immutability (pkg/registry/apps/deployment/
// strategy.go ValidateUpdate, apps/v1), with upstream's field paths, texts and order.

import { LabelSelectorError, selectorFromLabelSelector, validateLabelSelector, type Selector } from '../../../labels'
import type { FieldError } from '../../errors'
import { child, forbidden, invalid, notSupported, required, type BadValue } from '../../field'
import { nameIsDNSSubdomain } from '../../meta/names'
import { validateAnnotations, validateLabels, validateObjectMeta } from '../../meta/objectmeta'
import { validateObjectMetaUpdate } from '../../pods/validation/update'
import type { Deployment, DeploymentSpec, DeploymentStatus, DeploymentStrategy, IntOrString, LabelSelector, RollingUpdateDeployment } from '../types'
import { goDeploymentStrategy, goIntOrString, goLabelSelector } from './go-values'
import { intOrPercentValue, isValidPercent, percentValue } from './intstr'
import { validatePodTemplateSpecForReplicaSet } from './template'

const NEGATIVE = 'must be greater than or equal to 0'

/** ValidateNonnegativeField. */
function nonNegative(value: number | undefined, path: string): FieldError[] {
  return (value ?? 0) < 0 ? [invalid(path, value, NEGATIVE)] : []
}

/** ValidatePositiveIntOrPercent. */
function positiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => invalid(path, goIntOrString(v), msg))
  return nonNegative(v, path)
}

/** IsNotMoreThan100Percent. */
function notMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  const percent = percentValue(v)
  return percent === undefined || percent <= 100 ? [] : [invalid(path, goIntOrString(v), 'must not be greater than 100%')]
}

/** ValidateRollingUpdateDeployment. */
function validateRollingUpdate(r: RollingUpdateDeployment, path: string): FieldError[] {
  const errs = [...positiveIntOrPercent(r.maxUnavailable, child(path, 'maxUnavailable')), ...positiveIntOrPercent(r.maxSurge, child(path, 'maxSurge'))]
  if (intOrPercentValue(r.maxUnavailable) === 0 && intOrPercentValue(r.maxSurge) === 0) {
    errs.push(invalid(child(path, 'maxUnavailable'), goIntOrString(r.maxUnavailable), 'may not be 0 when `maxSurge` is 0'))
  }
  errs.push(...notMoreThan100Percent(r.maxUnavailable, child(path, 'maxUnavailable')))
  return errs
}

/** ValidateDeploymentStrategy. */
function validateStrategy(s: DeploymentStrategy, path: string): FieldError[] {
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate ? [forbidden(child(path, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : []
    case 'RollingUpdate':
      return s.rollingUpdate
        ? validateRollingUpdate(s.rollingUpdate, child(path, 'rollingUpdate'))
        : [required(child(path, 'rollingUpdate'), 'this should be defaulted and never be nil')]
    default:
      return [notSupported(path, goDeploymentStrategy(s), ['Recreate', 'RollingUpdate'])]
  }
}

/** LabelSelectorAsSelector, or undefined when it fails (an unknown operator). */
function asSelector(ls: LabelSelector | undefined): Selector | undefined {
  try {
    return selectorFromLabelSelector(ls)
  } catch (e) {
    if (e instanceof LabelSelectorError) return undefined
    throw e
  }
}

/** ValidateDeploymentSpec at `path` (`spec`). */
export function validateDeploymentSpec(spec: DeploymentSpec, path = 'spec'): FieldError[] {
  const errs = nonNegative(spec.replicas, child(path, 'replicas'))
  const selectorPath = child(path, 'selector')
  if (!spec.selector) errs.push(required(selectorPath))
  else {
    errs.push(...validateLabelSelector(spec.selector, selectorPath))
    if (Object.keys(spec.selector.matchLabels ?? {}).length + (spec.selector.matchExpressions ?? []).length === 0) {
      errs.push(invalid(selectorPath, goLabelSelector(spec.selector), 'empty selector is invalid for deployment'))
    }
  }
  const selector = asSelector(spec.selector)
  if (!selector) errs.push(invalid(selectorPath, spec.selector ? goLabelSelector(spec.selector) : null, 'invalid label selector'))
  else errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, selector, child(path, 'template')))
  errs.push(...validateStrategy(spec.strategy ?? {}, child(path, 'strategy')))
  errs.push(...nonNegative(spec.minReadySeconds, child(path, 'minReadySeconds')))
  if (spec.revisionHistoryLimit != null) errs.push(...nonNegative(spec.revisionHistoryLimit, child(path, 'revisionHistoryLimit')))
  if (spec.progressDeadlineSeconds != null) {
    const deadlinePath = child(path, 'progressDeadlineSeconds')
    errs.push(...nonNegative(spec.progressDeadlineSeconds, deadlinePath))
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) errs.push(invalid(deadlinePath, spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'))
  }
  return errs
}

/** ValidateDeployment: on create, after defaulting. */
export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateObjectMeta(d.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain }), ...validateDeploymentSpec(d.spec)]
}

/** Go's Semantic.DeepEqual of two selectors: a missing list or map equals an empty one. */
function sameSelector(a: LabelSelector | undefined, b: LabelSelector | undefined): boolean {
  const norm = (ls: LabelSelector | undefined) =>
    ls && JSON.stringify([Object.entries(ls.matchLabels ?? {}).sort(), (ls.matchExpressions ?? []).map((e) => [e.key, e.operator, e.values ?? []])])
  return norm(a) === norm(b)
}

/** ValidateDeploymentUpdate, then the apps/v1 strategy's `spec.selector: ... field is immutable`. */
export function validateDeploymentUpdate(next: Deployment, old: Deployment): FieldError[] {
  const errs = [
    ...validateObjectMetaUpdate(next.metadata, old.metadata),
    ...validateLabels(next.metadata.labels, 'metadata.labels'),
    ...validateAnnotations(next.metadata.annotations, 'metadata.annotations'),
    ...validateDeploymentSpec(next.spec),
  ]
  if (!sameSelector(next.spec.selector, old.spec.selector)) {
    const value: BadValue = next.spec.selector ? goLabelSelector(next.spec.selector) : null
    errs.push(invalid('spec.selector', value, 'field is immutable'))
  }
  return errs
}

/** ValidateDeploymentStatus. */
function validateStatus(status: DeploymentStatus, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const f of ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) {
    errs.push(...nonNegative(status[f], child(path, f)))
  }
  if (status.collisionCount != null) errs.push(...nonNegative(status.collisionCount, child(path, 'collisionCount')))
  const replicas = status.replicas ?? 0
  const msg = 'cannot be greater than status.replicas'
  for (const f of ['updatedReplicas', 'readyReplicas', 'availableReplicas'] as const) {
    if ((status[f] ?? 0) > replicas) errs.push(invalid(child(path, f), status[f], msg))
  }
  if ((status.availableReplicas ?? 0) > (status.readyReplicas ?? 0)) {
    errs.push(invalid(child(path, 'availableReplicas'), status.availableReplicas, 'cannot be greater than readyReplicas'))
  }
  return errs
}

/** ValidateDeploymentStatusUpdate. */
export function validateDeploymentStatusUpdate(next: Deployment, old: Deployment): FieldError[] {
  const errs = [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validateStatus(next.status ?? {}, 'status')]
  const now = next.status?.collisionCount
  const before = old.status?.collisionCount
  if (before != null && (now == null || now < before)) errs.push(invalid('status.collisionCount', now ?? 0, 'cannot be decremented'))
  return errs
}
