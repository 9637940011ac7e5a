// ValidateConfigMap(Update) and ValidateSecret(Update), kubernetes release-1.32 pkg/apis/core/validation/
// validation.go: ObjectMeta (names are DNS subdomains), keys as IsConfigMapKey says, at most MaxSecretSize
// bytes of values, a Secret's type-specific required keys, and `immutable: true` freezing the data. Go walks
// the maps in random order; keys are taken sorted here so that the messages are stable.

import type { FieldError } from '../errors'
import { child, forbidden, invalid, key, required, tooLong } from '../field'
import { validateObjectMeta } from '../meta/objectmeta'
import { nameIsDNSSubdomain } from '../meta/names'
import { isConfigMapKey } from '../meta/validation'
import { validateObjectMetaUpdate } from '../pods/validation/update'
import { MAX_SECRET_SIZE, secretBytes, type ConfigMap, type Secret } from './types'

const IMMUTABLE_SET = 'field is immutable when `immutable` is set'
const sortedKeys = (m: Record<string, unknown> | undefined): string[] => Object.keys(m ?? {}).sort()

function keyErrors(path: string, name: string): FieldError[] {
  return isConfigMapKey(name).map((msg) => invalid(key(path, name), name, msg))
}

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain })
  let total = 0
  for (const k of sortedKeys(cm.data)) {
    errs.push(...keyErrors('data', k))
    if (cm.binaryData && k in cm.binaryData) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'))
    total += Buffer.byteLength(cm.data?.[k] ?? '', 'utf8')
  }
  for (const k of sortedKeys(cm.binaryData)) {
    errs.push(...keyErrors('binaryData', k))
    total += secretBytes(cm.binaryData?.[k] ?? '').length
  }
  // The path "" stands for the whole object.
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE))
  return errs
}

/** reflect.DeepEqual of two string maps (an absent map and an empty one taken as the same here). */
function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = sortedKeys(a)
  const kb = sortedKeys(b)
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a?.[k] === b?.[k])
}

export function validateConfigMapUpdate(next: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, old.metadata)
  if (old.immutable === true) {
    if (next.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_SET))
    if (!sameMap(next.data, old.data)) errs.push(forbidden('data', IMMUTABLE_SET))
    if (!sameMap(next.binaryData, old.binaryData)) errs.push(forbidden('binaryData', IMMUTABLE_SET))
  }
  return [...errs, ...validateConfigMap(next)]
}

/** The keys each built-in Secret type requires (core.SecretType* and their *Key constants). */
function typeErrors(secret: Secret): FieldError[] {
  const data = secret.data ?? {}
  const has = (k: string): boolean => k in data
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      return secret.metadata.annotations?.['kubernetes.io/service-account.name']
        ? []
        : [required(key(child('metadata', 'annotations'), 'kubernetes.io/service-account.name'))]
    case 'kubernetes.io/dockercfg':
      return has('.dockercfg') ? [] : [required(key('data', '.dockercfg'))]
    case 'kubernetes.io/dockerconfigjson':
      return has('.dockerconfigjson') ? [] : [required(key('data', '.dockerconfigjson'))]
    case 'kubernetes.io/basic-auth':
      // Either may be empty, but one of the two must be there.
      return has('username') || has('password') ? [] : [required(key('data', 'username')), required(key('data', 'password'))]
    case 'kubernetes.io/ssh-auth':
      return secretBytes(data['ssh-privatekey'] ?? '').length > 0 ? [] : [required(key('data', 'ssh-privatekey'))]
    case 'kubernetes.io/tls':
      return [...(has('tls.crt') ? [] : [required(key('data', 'tls.crt'))]), ...(has('tls.key') ? [] : [required(key('data', 'tls.key'))])]
    default:
      return []
  }
}

export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain })
  let total = 0
  for (const k of sortedKeys(secret.data)) {
    errs.push(...keyErrors('data', k))
    total += secretBytes(secret.data?.[k] ?? '').length
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE))
  return [...errs, ...typeErrors(secret)]
}

export function validateSecretUpdate(next: Secret, old: Secret): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, old.metadata)
  if ((next.type ?? '') !== (old.type ?? '')) errs.push(invalid('type', next.type ?? '', 'field is immutable'))
  if (old.immutable === true) {
    if (next.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_SET))
    // stringData is already merged into data here, as upstream's conversion does before validation.
    if (!sameMap(next.data, old.data)) errs.push(forbidden('data', IMMUTABLE_SET))
  }
  return [...errs, ...validateSecret(next)]
}
