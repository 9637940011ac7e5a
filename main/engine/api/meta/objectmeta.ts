// ObjectMeta validation on create, in apimachinery's order (ValidateObjectMetaAccessor): generateName, name,
// namespace, generation, labels, annotations, ownerReferences, finalizers; then core's own finalizer check.
// Sources: k8s.io/apimachinery v0.32.0 pkg/api/validation/objectmeta.go, pkg/apis/meta/v1/validation;
// kubernetes v1.32.1 pkg/apis/core/validation/validation.go ValidateObjectMeta / validateKubeFinalizerName.
// Go ranges over label and annotation maps in random order; we use sorted keys so messages are stable.

import type { ObjectMeta } from '../../../kube'
import type { FieldError } from '../errors'
import { child, forbidden, invalid, required, tooLong } from '../field'
import { goQuote, type GoLiteral } from '../../../gostd/gofmt'
import { nameIsDNSLabel, type NameValidator } from './names'
import { isQualifiedName, isValidLabelValue } from './validation'

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

export interface ObjectMetaOptions {
  namespaced: boolean
  /** How the kind's names are checked; pods and most kinds use nameIsDNSSubdomain. */
  nameFn: NameValidator
  /** Where the metadata sits: `metadata`, or `spec.template.metadata` for templates. */
  path?: string
}

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg))
    for (const msg of isValidLabelValue(labels?.[k] ?? '')) errs.push(invalid(path, labels?.[k] ?? '', msg))
  }
  return errs
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  let size = 0
  for (const k of Object.keys(annotations ?? {}).sort()) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg))
    size += Buffer.byteLength(k) + Buffer.byteLength(annotations?.[k] ?? '')
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT))
  return errs
}

function validateOwnerReferences(meta: ObjectMeta, path: string): FieldError[] {
  const errs: FieldError[] = []
  let firstController = ''
  for (const ref of meta.ownerReferences ?? []) {
    const parts = (ref.apiVersion ?? '').split('/')
    const version = parts.length === 1 ? parts[0] : parts.length === 2 ? parts[1] : ''
    if (!version) errs.push(invalid(child(path, 'apiVersion'), ref.apiVersion ?? '', 'version must not be empty'))
    if (!ref.kind) errs.push(invalid(child(path, 'kind'), ref.kind ?? '', 'kind must not be empty'))
    if (!ref.name) errs.push(invalid(child(path, 'name'), ref.name ?? '', 'name must not be empty'))
    if (!ref.uid) errs.push(invalid(child(path, 'uid'), ref.uid ?? '', 'uid must not be empty'))
    if (ref.controller) {
      const current = `${ref.kind}/${ref.name}`
      if (firstController) {
        // Go prints the whole []v1.OwnerReference with %#v here; we abbreviate it.
        const refs: GoLiteral = { go: '[]v1.OwnerReference{...}' }
        errs.push(invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`))
      } else firstController = current
    }
  }
  return errs
}

function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const f of finalizers ?? []) for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg))
  if (finalizers?.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    const list: GoLiteral = { go: `[]string{${finalizers.map(goQuote).join(', ')}}` }
    errs.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'))
  }
  return errs
}

/** ValidateObjectMeta for create. Name generation must already have happened, as in the API server. */
export function validateObjectMeta(meta: ObjectMeta, opts: ObjectMetaOptions): FieldError[] {
  const path = opts.path ?? 'metadata'
  const errs: FieldError[] = []
  if (meta.generateName) {
    for (const msg of opts.nameFn(meta.generateName, true)) errs.push(invalid(child(path, 'generateName'), meta.generateName, msg))
  }
  if (!meta.name) errs.push(required(child(path, 'name'), 'name or generateName is required'))
  else for (const msg of opts.nameFn(meta.name, false)) errs.push(invalid(child(path, 'name'), meta.name, msg))
  if (opts.namespaced) {
    if (!meta.namespace) errs.push(required(child(path, 'namespace')))
    else for (const msg of nameIsDNSLabel(meta.namespace, false)) errs.push(invalid(child(path, 'namespace'), meta.namespace, msg))
  } else if (meta.namespace) {
    errs.push(forbidden(child(path, 'namespace'), 'not allowed on this type'))
  }
  if ((meta.generation ?? 0) < 0) errs.push(invalid(child(path, 'generation'), meta.generation, 'must be greater than or equal to 0'))
  errs.push(...validateLabels(meta.labels, child(path, 'labels')))
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')))
  errs.push(...validateOwnerReferences(meta, child(path, 'ownerReferences')))
  errs.push(...validateFinalizers(meta.finalizers, child(path, 'finalizers')))
  ;(meta.finalizers ?? []).forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(`${child(path, 'finalizers')}[${i}]`, f, 'name is neither a standard finalizer name nor is it fully qualified'))
    }
  })
  return errs
}
