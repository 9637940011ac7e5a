// ValidateNode (pkg/apis/core/validation/validation.go, v1.32) for what a learner's or a benchmark's Node
// manifest carries: ObjectMeta with a DNS-subdomain name, the taints (key, value, effect, unique by key and
// effect; upstream reports them under `metadata.taints`, as its ValidateNode builds the path from `metadata`),
// the status quantities (ValidateNodeResources: not negative, whole numbers for integer resources such as
// pods) and spec.podCIDRs. Map keys are walked sorted (Go's order is random) so messages are stable.

import { isIP } from 'node:net'
import { canonicalQuantity } from '../../../gostd/quantity-canonical'
import { parseQuantity } from '../../../gostd/quantity'
import type { FieldError } from '../errors'
import { child, duplicate, forbidden, index, invalid, notSupported, required } from '../field'
import { goQuote, type GoLiteral } from '../../../gostd/gofmt'
import { validateObjectMeta } from '../meta/objectmeta'
import { validateObjectMetaUpdate } from '../pods/validation/update'
import { nameIsDNSSubdomain } from '../meta/names'
import { isQualifiedName, isValidLabelValue } from '../meta/validation'
import { TAINT_EFFECTS } from '../pods/validation/spec'
import type { Node } from './types'

const literal = (go: string): GoLiteral => ({ go })

/** helper.IsIntegerResourceName: the standard integer resources, and extended (prefixed, not kubernetes.io) ones. */
const INTEGER_RESOURCES = new Set([
  'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers',
])
const isExtendedResource = (name: string): boolean =>
  name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0

/** validateNodeTaints: each taint's key (a qualified name), value (a label value) and effect; no key twice per effect. */
function validateTaints(taints: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  taints.forEach((raw, i) => {
    const t = (typeof raw === 'object' && raw !== null ? raw : {}) as { key?: string; value?: string; effect?: string }
    const p = index(path, i)
    const key = t.key ?? ''
    const value = t.value ?? ''
    const effect = t.effect ?? ''
    errs.push(...isQualifiedName(key).map((m) => invalid(child(p, 'key'), key, m)))
    const valueErrors = isValidLabelValue(value)
    if (valueErrors.length > 0) errs.push(invalid(child(p, 'value'), value, valueErrors.join(';')))
    if (effect === '') errs.push(required(child(p, 'effect')))
    else if (!TAINT_EFFECTS.includes(effect)) errs.push(notSupported(child(p, 'effect'), effect, TAINT_EFFECTS))
    const pair = `${effect}\u0000${key}`
    if (seen.has(pair)) {
      const taint = literal(`core.Taint{Key:${goQuote(key)}, Value:${goQuote(value)}, Effect:${goQuote(effect)}, TimeAdded:(*v1.Time)(nil)}`)
      errs.push({ ...duplicate(p, taint), body: `${duplicate(p, taint).body}: taints must be unique by key and effect pair` })
      return
    }
    seen.add(pair)
  })
  return errs
}

/** ValidateNodeResources over status.capacity then status.allocatable (path `status.capacity.cpu`). */
function validateResources(node: Node): FieldError[] {
  const errs: FieldError[] = []
  for (const part of ['capacity', 'allocatable'] as const) {
    const list = node.status?.[part] ?? {}
    for (const name of Object.keys(list).sort()) {
      const given = String(list[name])
      const path = child('status', part, name)
      const canonical = canonicalQuantity(given)
      const shown = canonical.ok ? canonical.value : given
      const value = parseQuantity(given)
      if (value < 0) errs.push(invalid(path, shown, 'must be greater than or equal to 0'))
      if ((INTEGER_RESOURCES.has(name) || isExtendedResource(name)) && Math.round(value * 1000) % 1000 !== 0) {
        errs.push(invalid(path, shown, 'must be an integer'))
      }
    }
  }
  return errs
}

/** IsValidCIDR (apimachinery validation/ip.go): an IPv4 or IPv6 address, a slash and a prefix length. */
function isValidCIDR(value: string): boolean {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(value)
  if (!m) return false
  const family = isIP(m[1] as string)
  const bits = Number(m[2])
  return (family === 4 && bits <= 32) || (family === 6 && bits <= 128)
}

function validatePodCIDRs(cidrs: string[]): FieldError[] {
  const path = child('spec', 'podCIDRs')
  const errs: FieldError[] = []
  cidrs.forEach((c, i) => {
    if (!isValidCIDR(c)) errs.push(invalid(index(path, i), c, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'))
  })
  if (cidrs.length > 1) {
    const families = new Set(cidrs.map((c) => (c.includes(':') ? 6 : 4)))
    if (families.size !== 2 || cidrs.length > 2) errs.push(invalid(path, literal(`[]string{${cidrs.map(goQuote).join(', ')}}`), 'may specify no more than one CIDR for each IP family'))
    cidrs.forEach((c, i) => {
      if (cidrs.indexOf(c) < i) errs.push(duplicate(index(path, i), c))
    })
  }
  return errs
}

/** ValidateNode: the field errors of a Node being created (none: valid). */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, { namespaced: false, nameFn: nameIsDNSSubdomain })
  const taints = node.spec?.taints
  if (Array.isArray(taints) && taints.length > 0) errs.push(...validateTaints(taints, child('metadata', 'taints')))
  errs.push(...validateResources(node))
  const cidrs = node.spec?.podCIDRs
  if (Array.isArray(cidrs) && cidrs.length > 0) errs.push(...validatePodCIDRs(cidrs as string[]))
  return errs
}

const POD_CIDR_FORBIDDEN = 'node updates may not change podCIDR except from "" to valid'
const PROVIDER_ID_FORBIDDEN = 'node updates may not change providerID except from "" to valid'

/**
 * ValidateNodeUpdate (release-1.32 pkg/apis/core/validation/validation.go): ObjectMeta's update rules, the
 * resources, spec.podCIDRs and spec.providerID fixed once set, and the taints; unschedulable (cordon) and taints
 * may change.
 */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata)
  errs.push(...validateResources(node))
  const before = old.spec?.podCIDRs ?? []
  const after = node.spec?.podCIDRs ?? []
  if (before.length > 0 && (before.length !== after.length || before.some((v, i) => v !== after[i]))) errs.push(forbidden('spec.podCIDRs', POD_CIDR_FORBIDDEN))
  const providerID = old.spec?.providerID
  if (typeof providerID === 'string' && providerID !== '' && providerID !== node.spec?.providerID) errs.push(forbidden('spec.providerID', PROVIDER_ID_FORBIDDEN))
  const taints = node.spec?.taints
  if (Array.isArray(taints) && taints.length > 0) errs.push(...validateTaints(taints, child('metadata', 'taints')))
  if (after.length > 0) errs.push(...validatePodCIDRs(after))
  return errs
}
