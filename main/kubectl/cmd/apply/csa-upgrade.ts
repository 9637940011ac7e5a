// What `kubectl apply --server-side` does after a successful apply (kubectl pkg/cmd/apply/apply.go v0.32.5,
// saveLastApplyAnnotationIfNecessary and migrateToSSAIfNecessary, over client-go util/csaupgrade/upgrade.go):
// an object once applied client-side keeps its last-applied annotation under a manager of its own
// (`kubectl-last-applied`), then the fields of the client-side-apply Update managers that own that annotation
// are merged into the applier's Apply entry (a JSON patch of metadata.managedFields), and the configuration is
// applied again so that fields it no longer sets are removed. Each failure is a warning, never the apply's error.

import type { KubeObject } from '../../../kube'
import { fieldElement, FieldSet } from '../../../kube/fieldpath'
import type { ApplyOptions, Engine } from '../../../engine'
import { errorString, fromThrown } from '../../errors'
import { LAST_APPLIED } from '../../last-applied'

const LAST_APPLIED_PATH = [fieldElement('metadata'), fieldElement('annotations'), fieldElement(LAST_APPLIED)]
const LAST_APPLIED_MANAGER = 'kubectl-last-applied'

/** metav1.ManagedFieldsEntry as kubectl reads it. */
interface Entry {
  manager: string
  operation: string
  apiVersion?: string
  subresource?: string
  fieldsV1?: Record<string, unknown>
  [field: string]: unknown
}

export interface UpgradeTarget {
  engine: Engine
  resource: string
  namespace: string | undefined
  name: string
  /** The configuration that was applied, and how (the re-apply sends it again the same way). */
  body: Record<string, unknown>
  options: ApplyOptions & { fieldManager: string }
}

/** The three steps after `answer` (the applied object as the server returned it): the object at the end and the warnings. */
export function upgradeAfterApply(t: UpgradeTarget, answer: KubeObject): { object: KubeObject; warnings: string } {
  let object = answer
  try {
    object = saveLastApplied(t, object)
  } catch (e) {
    return { object, warnings: `Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${message(e)}\n` }
  }
  let migrated: KubeObject | undefined
  try {
    migrated = migrate(t, object)
  } catch (e) {
    return { object, warnings: `Warning: server rejected managed fields migration to Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${message(e)}\n` }
  }
  if (!migrated) return { object, warnings: '' }
  try {
    // Re-send the original apply: fields the client-side manager set and the configuration dropped now go.
    return { object: t.engine.apply(t.resource, t.namespace, t.name, t.body, t.options).object, warnings: '' }
  } catch (e) {
    return { object: migrated, warnings: `Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: ${message(e)}\n` }
  }
}

const message = (e: unknown): string => errorString(fromThrown(e))

const entriesOf = (o: KubeObject): Entry[] => (Array.isArray(o.metadata.managedFields) ? (o.metadata.managedFields as Entry[]) : [])
const setOf = (e: Entry): FieldSet => FieldSet.fromFieldsV1(e.fieldsV1 ?? {})

/** csaupgrade.FindFieldsOwners over the last-applied annotation: the entries of `operation` that own it. */
function annotationOwners(entries: Entry[], operation: 'Apply' | 'Update'): Entry[] {
  return entries.filter((e) => e.operation === operation && setOf(e).has(LAST_APPLIED_PATH))
}

/** saveLastApplyAnnotationIfNecessary: the annotation as it is, applied by `kubectl-last-applied` (only for the default manager). */
function saveLastApplied(t: UpgradeTarget, object: KubeObject): KubeObject {
  if (t.options.fieldManager !== 'kubectl') return object
  const annotation = object.metadata.annotations?.[LAST_APPLIED]
  if (annotation === undefined || annotationOwners(entriesOf(object), 'Apply').length > 0) return object
  const justAnnotation = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata: { annotations: { [LAST_APPLIED]: annotation }, name: t.name, ...(t.namespace ? { namespace: t.namespace } : {}) },
  }
  const { force: _force, ...options } = t.options
  return t.engine.apply(t.resource, t.namespace, t.name, justAnnotation, { ...options, fieldManager: LAST_APPLIED_MANAGER }).object
}

/** migrateToSSAIfNecessary: the JSON patch of UpgradeManagedFieldsPatch, or undefined when there is nothing to move. */
function migrate(t: UpgradeTarget, object: KubeObject): KubeObject | undefined {
  const entries = entriesOf(object)
  const csaManagers = new Set(annotationOwners(entries, 'Update').map((e) => e.manager))
  let upgraded = entries
  for (const csa of csaManagers) upgraded = upgradedManagedFields(upgraded, csa, t.options.fieldManager)
  if (JSON.stringify(upgraded) === JSON.stringify(entries)) return undefined
  // "replace", not "test", on the resourceVersion: a stale object is then the storage's 409 (csaupgrade's comment).
  const patch = [
    { op: 'replace', path: '/metadata/managedFields', value: upgraded },
    { op: 'replace', path: '/metadata/resourceVersion', value: object.metadata.resourceVersion },
  ]
  const { force: _force, ...options } = t.options
  return t.engine.patch(t.resource, t.namespace, t.name, 'json', patch, options)
}

/** csaupgrade upgradedManagedFields: `csa`'s Update entries folded into `ssa`'s Apply entry (made from the newest of them if none). */
function upgradedManagedFields(entries: Entry[], csa: string, ssa: string): Entry[] {
  const copy = entries.map((e) => ({ ...e }))
  let target = copy.findIndex((e) => e.manager === ssa && e.operation === 'Apply' && !e.subresource)
  if (target < 0) {
    target = copy.findIndex((e) => e.manager === csa && e.operation === 'Update' && !e.subresource)
    if (target < 0) return entries
    copy[target] = { ...copy[target]!, operation: 'Apply', manager: ssa }
  }
  // unionManagerIntoIndex: the client-side entry of the same subresource and apiVersion joins the target's fields.
  const into = copy[target]!
  const from = copy.find((e) => e.manager === csa && e.operation === 'Update' && (e.subresource ?? '') === (into.subresource ?? '') && e.apiVersion === into.apiVersion)
  if (from) copy[target] = { ...into, fieldsV1: setOf(into).union(setOf(from)).toFieldsV1() }
  return copy.filter((e) => !(e.manager === csa && e.operation === 'Update' && !e.subresource))
}
