// Event validation as core/v1 requests get it (pkg/apis/core/validation/events.go legacyValidateEvent; the
// stricter events.k8s.io/v1 rules do not apply to v1 bodies): the namespace agreement of old-style events, and
// the reporting fields, action and reason of new-style ones (eventTime set). Field paths are the internal
// type's, as upstream prints them (reportingController for JSON's reportingComponent).

import type { CoreEvent } from '../../api/events/types'
import type { FieldError } from '../../api/errors'
import { invalid, required } from '../../api/field'
import { isDNS1123Subdomain, isQualifiedName } from '../../api/meta/validation'
import { validateObjectMetaUpdate } from '../../api/pods/validation/update'

const REPORTING_INSTANCE_LENGTH_LIMIT = 128
const ACTION_LENGTH_LIMIT = 128
const REASON_LENGTH_LIMIT = 128
const NOTE_LENGTH_LIMIT = 1024

/** Go's len(): bytes of the UTF-8 encoding. */
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

export function validateEvent(event: CoreEvent): FieldError[] {
  const errs: FieldError[] = []
  const namespace = event.metadata.namespace ?? ''
  const involvedNamespace = event.involvedObject?.namespace ?? ''
  const mismatch = (): FieldError => invalid('involvedObject.namespace', involvedNamespace, 'does not match event.namespace')
  if (!event.eventTime) {
    if (involvedNamespace === '' ? namespace !== '' && namespace !== 'default' : namespace !== involvedNamespace) errs.push(mismatch())
  } else {
    if (involvedNamespace === '' && namespace !== 'default' && namespace !== 'kube-system') errs.push(mismatch())
    const controller = event.reportingComponent ?? ''
    if (controller === '') errs.push(required('reportingController'))
    for (const msg of isQualifiedName(controller)) errs.push(invalid('reportingController', controller, msg))
    const instance = event.reportingInstance ?? ''
    if (instance === '') errs.push(required('reportingInstance'))
    if (bytes(instance) > REPORTING_INSTANCE_LENGTH_LIMIT) errs.push(invalid('reportingInstance', '', `can have at most ${REPORTING_INSTANCE_LENGTH_LIMIT} characters`))
    const action = event.action ?? ''
    if (action === '') errs.push(required('action'))
    if (bytes(action) > ACTION_LENGTH_LIMIT) errs.push(invalid('action', '', `can have at most ${ACTION_LENGTH_LIMIT} characters`))
    const reason = event.reason ?? ''
    if (reason === '') errs.push(required('reason'))
    if (bytes(reason) > REASON_LENGTH_LIMIT) errs.push(invalid('reason', '', `can have at most ${REASON_LENGTH_LIMIT} characters`))
    if (bytes(event.message ?? '') > NOTE_LENGTH_LIMIT) errs.push(invalid('message', '', `can have at most ${NOTE_LENGTH_LIMIT} characters`))
  }
  for (const msg of isDNS1123Subdomain(namespace)) errs.push(invalid('namespace', namespace, msg))
  return errs
}

/** ValidateEventUpdate for v1 bodies: the legacy rules on the new event, and metadata's immutable fields. */
export function validateEventUpdate(event: CoreEvent, old: CoreEvent): FieldError[] {
  return [...validateEvent(event), ...validateObjectMetaUpdate(event.metadata, old.metadata)]
}
