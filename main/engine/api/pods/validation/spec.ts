// ValidatePodSpec (kubernetes v1.32.1 pkg/apis/core/validation/validation.go), in its order. Shared by pods
// and, later, pod templates (`spec.template.spec`). Not checked yet: resourceClaims, securityContext,
// imagePullSecrets, affinity, dnsConfig, topologySpreadConstraints, hostAliases, overhead, os.

import type { FieldError } from '../../errors'
import { child, duplicate, forbidden, index, invalid, notSupported, required } from '../../field'
import { nameIsDNSSubdomain } from '../../meta/names'
import { validateLabels } from '../../meta/objectmeta'
import { inclusiveRangeError, isDNS1123Label, isQualifiedName, isValidLabelValue } from '../../meta/validation'
import { validateContainers, validateInitContainers } from './containers'
import { validateVolumes } from './volumes'
import { isObj, num, objects, str, stringMap, type Obj } from './values'

const MAX_INT32 = 2147483647
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

function validateEnum(value: unknown, path: string, valid: readonly string[]): FieldError[] {
  const v = str(value)
  if (valid.includes(v)) return []
  return [v === '' ? required(path) : notSupported(path, v, valid)]
}

function validateHostNetworkPorts(spec: Obj, path: string): FieldError[] {
  if (spec.hostNetwork !== true) return []
  return objects(spec.containers).flatMap((c, ci) =>
    objects(c.ports).flatMap((port, pi) =>
      num(port.hostPort) !== num(port.containerPort)
        ? [invalid(child(index(child(index(child(path, 'containers'), ci), 'ports'), pi), 'hostPort'), num(port.hostPort), 'must match `containerPort` when `hostNetwork` is true')]
        : [],
    ),
  )
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = []
  objects(tolerations).forEach((t, i) => {
    const p = index(path, i)
    const k = str(t.key)
    const operator = str(t.operator)
    const effect = str(t.effect)
    const value = str(t.value)
    if (k) errs.push(...isQualifiedName(k).map((m) => invalid(child(p, 'key'), k, m)))
    if (!k && operator !== 'Exists') {
      errs.push(invalid(child(p, 'operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    }
    if (typeof t.tolerationSeconds === 'number' && effect !== 'NoExecute') {
      errs.push(invalid(child(p, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value)
      if (msgs.length > 0) errs.push(invalid(child(p, 'operator'), value, msgs.join(';')))
    } else if (operator === 'Exists') {
      if (value) errs.push(invalid(child(p, 'operator'), value, "value must be empty when `operator` is 'Exists'"))
    } else {
      errs.push(notSupported(child(p, 'operator'), operator, ['Equal', 'Exists']))
    }
    if (effect && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(child(p, 'effect'), effect, TAINT_EFFECTS))
  })
  return errs
}

function validateSubdomainField(value: unknown, path: string): FieldError[] {
  const v = str(value)
  return v ? nameIsDNSSubdomain(v, false).map((m) => invalid(path, v, m)) : []
}

export function validatePodSpec(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = []
  const grace = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined
  if (spec.terminationGracePeriodSeconds == null) errs.push(required(child(path, 'terminationGracePeriodSeconds')))
  const volumes = validateVolumes(spec.volumes, child(path, 'volumes'))
  errs.push(...volumes.errors)
  const ctx = { volumes: volumes.mountable, gracePeriod: grace }
  errs.push(...validateContainers(spec.containers, child(path, 'containers'), ctx))
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, child(path, 'initContainers'), ctx))
  errs.push(...validateHostNetworkPorts(spec, path))
  errs.push(...validateEnum(spec.restartPolicy, child(path, 'restartPolicy'), RESTART_POLICIES))
  errs.push(...validateEnum(spec.dnsPolicy, child(path, 'dnsPolicy'), DNS_POLICIES))
  errs.push(...validateLabels(stringMap(spec.nodeSelector), child(path, 'nodeSelector')))
  objects(spec.readinessGates).forEach((g, i) => {
    const p = child(index(child(path, 'readinessGates'), i), 'conditionType')
    errs.push(...isQualifiedName(str(g.conditionType)).map((m) => invalid(p, str(g.conditionType), m)))
  })
  const gates = new Set<string>()
  objects(spec.schedulingGates).forEach((g, i) => {
    const p = index(child(path, 'schedulingGates'), i)
    const name = str(g.name)
    errs.push(...isQualifiedName(name).map((m) => invalid(p, name, m)))
    if (gates.has(name)) errs.push(duplicate(p, name))
    gates.add(name)
  })
  errs.push(...validateSubdomainField(spec.serviceAccountName, child(path, 'serviceAccountName')))
  errs.push(...validateSubdomainField(spec.nodeName, child(path, 'nodeName')))
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), spec.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)))
  }
  for (const f of ['hostname', 'subdomain']) {
    const v = str(spec[f])
    if (v) errs.push(...isDNS1123Label(v).map((m) => invalid(child(path, f), v, m)))
  }
  errs.push(...validateTolerations(spec.tolerations, child(path, 'tolerations')))
  errs.push(...validateSubdomainField(spec.priorityClassName, child(path, 'priorityClassName')))
  if (typeof spec.runtimeClassName === 'string') {
    errs.push(...nameIsDNSSubdomain(spec.runtimeClassName, false).map((m) => invalid(child(path, 'runtimeClassName'), str(spec.runtimeClassName), m)))
  }
  if (spec.preemptionPolicy != null) errs.push(...validateEnum(spec.preemptionPolicy, child(path, 'preemptionPolicy'), ['PreemptLowerPriority', 'Never']))
  return errs
}

/** The pod-only rule of validatePodMetadataAndSpec: a projected token needs a service account. */
export function validateProjectedTokens(spec: Obj, path: string): FieldError[] {
  if (str(spec.serviceAccountName)) return []
  return objects(spec.volumes).flatMap((v, vi) =>
    isObj(v.projected)
      ? objects(v.projected.sources).flatMap((s, si) =>
          isObj(s.serviceAccountToken)
            ? [forbidden(child(index(child(index(child(path, 'volumes'), vi), 'projected', 'sources'), si), 'serviceAccountToken'), 'must not be specified when serviceAccountName is not set')]
            : [],
        )
      : [],
  )
}
