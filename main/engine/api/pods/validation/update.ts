// The update-only rules of ValidatePodUpdate (kubernetes v1.32.1 pkg/apis/core/validation/validation.go):
// immutable metadata, container images, activeDeadlineSeconds, tolerations, and the catch-all Forbidden for
// any other spec change. Kubernetes appends a go-cmp diff of the internal PodSpec to that Forbidden message;
// ours lists the changed JSON paths instead (same purpose, different text).

import type { ObjectMeta } from '../../../../kube'
import type { FieldError } from '../../errors'
import { child, forbidden, index, invalid, required } from '../../field'
import { goQuote } from '../../../../gostd/gofmt'
import { inclusiveRangeError } from '../../meta/validation'
import { validateTolerations } from './spec'
import { isObj, objects, str, type Obj } from './values'

const MAX_INT32 = 2147483647

/** The field list of the 1.32 message, verbatim (updatablePodSpecFields). */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]

/** Go compares values, where "" and an unset string are the same. */
const unset = (v: unknown): unknown => (v === '' || v === undefined ? null : v)

/** ValidateImmutableField; Go prints a changed timestamp with Time.String(), we print the RFC 3339 text. */
const immutable = (path: string, next: unknown, prev: unknown): FieldError[] =>
  unset(next) === unset(prev) ? [] : [invalid(path, typeof next === 'string' || typeof next === 'number' ? next : null, 'field is immutable')]

/** ValidateObjectMetaUpdate's own checks (labels and annotations are checked with the new object). */
export function validateObjectMetaUpdate(next: ObjectMeta, prev: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = []
  if (prev.deletionTimestamp) {
    const old = new Set(prev.finalizers ?? [])
    const added = (next.finalizers ?? []).filter((f) => !old.has(f))
    if (added.length > 0) {
      const list = `[]string{${[...new Set(added)].sort().map(goQuote).join(', ')}}`
      errs.push(forbidden(child(path, 'finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers ${list}`))
    }
  }
  if (!next.resourceVersion) errs.push(invalid(child(path, 'resourceVersion'), next.resourceVersion ?? '', 'must be specified for an update'))
  if ((next.generation ?? 0) < (prev.generation ?? 0)) errs.push(invalid(child(path, 'generation'), next.generation, 'must not be decremented'))
  for (const f of ['name', 'namespace', 'uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const) {
    errs.push(...immutable(child(path, f), next[f], prev[f]))
  }
  return errs
}

/** ValidateContainerUpdates; `stop` when the number of containers changed. */
function validateContainerUpdates(next: unknown, prev: unknown, path: string): { errs: FieldError[]; stop: boolean } {
  const n = objects(next)
  if (n.length !== objects(prev).length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true }
  const errs: FieldError[] = []
  n.forEach((c, i) => {
    const image = str(c.image)
    if (!image) errs.push(required(child(index(path, i), 'image')))
    if (image.trim().length !== image.length) errs.push(invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace'))
  })
  return { errs, stop: false }
}

/** Equal but for tolerationSeconds, comparing as Go structs (unset strings are ""). */
function sameToleration(a: Obj, b: Obj): boolean {
  return ['key', 'operator', 'value', 'effect'].every((f) => str(a[f]) === str(b[f]))
}

function validateOnlyAddedTolerations(next: unknown, prev: unknown, path: string): FieldError[] {
  const added = objects(next)
  for (const old of objects(prev)) {
    if (!added.some((t) => sameToleration(old, t))) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')]
  }
  return validateTolerations(next, path)
}

/** Semantic.DeepEqual treats an empty list like a missing one. */
const absent = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0)

/** Paths whose JSON differs, for the Forbidden message. */
function changedPaths(a: unknown, b: unknown, path: string, out: string[]): void {
  if (absent(a) && absent(b)) return
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) changedPaths(a[k], b[k], child(path, k), out)
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => changedPaths(x, b[i], index(path, i), out))
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`- ${path}: ${JSON.stringify(a ?? null)}\n+ ${path}: ${JSON.stringify(b ?? null)}`)
  }
}

/** The spec with the fields a pod update may change set back to the old values, as ValidatePodUpdate munges it. */
function mungeSpec(next: Obj, prev: Obj): Obj {
  const munged: Obj = structuredClone(next)
  for (const list of ['containers', 'initContainers']) {
    const old = objects(prev[list])
    if (Array.isArray(munged[list])) munged[list] = objects(munged[list]).map((c, i) => ({ ...c, image: old[i]?.image }))
  }
  munged.activeDeadlineSeconds = prev.activeDeadlineSeconds
  munged.schedulingGates = prev.schedulingGates
  munged.tolerations = prev.tolerations
  const oldGrace = prev.terminationGracePeriodSeconds
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace
  return munged
}

export function validateSpecUpdate(next: Obj, prev: Obj, path = 'spec'): FieldError[] {
  const errs: FieldError[] = []
  for (const list of ['containers', 'initContainers']) {
    const r = validateContainerUpdates(next[list], prev[list], child(path, list))
    errs.push(...r.errs)
    if (r.stop) return errs
  }
  const deadline = next.activeDeadlineSeconds
  const oldDeadline = prev.activeDeadlineSeconds
  if (typeof deadline === 'number') {
    if (deadline < 0 || deadline > MAX_INT32) return [...errs, invalid(child(path, 'activeDeadlineSeconds'), deadline, inclusiveRangeError(0, MAX_INT32))]
    if (typeof oldDeadline === 'number' && oldDeadline < deadline) {
      return [...errs, invalid(child(path, 'activeDeadlineSeconds'), deadline, 'must be less than or equal to previous value')]
    }
  } else if (typeof oldDeadline === 'number') {
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'))
  }
  errs.push(...validateOnlyAddedTolerations(next.tolerations, prev.tolerations, child(path, 'tolerations')))
  const diff: string[] = []
  changedPaths(prev, mungeSpec(next, prev), path, diff)
  if (diff.length > 0) {
    errs.push(forbidden(path, `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${diff.join('\n')}`))
  }
  return errs
}
