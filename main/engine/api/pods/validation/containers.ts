// Containers (kubernetes v1.32.1 pkg/apis/core/validation/validation.go validateContainers,
// validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateEnv, ValidateVolumeMounts,
// validatePullPolicy, ValidateContainerResourceRequirements, checkHostPortConflicts), in Kubernetes' order:
// name, image, terminationMessagePolicy, ports, env, volumeMounts, imagePullPolicy, resources; then the
// duplicate-name check, lifecycle, probes and restartPolicy.
// Not checked yet: envFrom, env valueFrom sources, volumeDevices, securityContext, resizePolicy, subPath.

import type { FieldError } from '../../errors'
import { child, duplicate, forbidden, index, invalid, key, notFound, notSupported, required } from '../../field'
import { isDNS1123Label, isQualifiedName, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from '../../meta/validation'
import { parseQuantity } from '../../../../gostd/quantity'
import { validateLifecycle, validateProbeOf, type ProbeKind } from './probes'
import { isObj, num, objects, str, type Obj } from './values'

const PROBES: ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] // sets.List: sorted
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError']

export interface ContainerContext {
  /** Names of the volumes that validated, the only ones a container may mount. */
  volumes: Set<string>
  gracePeriod: number | undefined
}

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  objects(ports).forEach((port, i) => {
    const p = index(path, i)
    const name = str(port.name)
    if (name) {
      const msgs = isValidPortName(name)
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(child(p, 'name'), name, m)))
      else if (names.has(name)) errs.push(duplicate(child(p, 'name'), name))
      else names.add(name)
    }
    const containerPort = num(port.containerPort)
    if (containerPort === 0) errs.push(required(child(p, 'containerPort')))
    else errs.push(...isValidPortNum(containerPort).map((m) => invalid(child(p, 'containerPort'), containerPort, m)))
    const hostPort = num(port.hostPort)
    if (hostPort !== 0) errs.push(...isValidPortNum(hostPort).map((m) => invalid(child(p, 'hostPort'), hostPort, m)))
    const protocol = str(port.protocol)
    if (!protocol) errs.push(required(child(p, 'protocol')))
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(child(p, 'protocol'), protocol, PROTOCOLS))
  })
  return errs
}

function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = []
  objects(env).forEach((e, i) => {
    const p = child(index(path, i), 'name')
    const name = str(e.name)
    if (!name) errs.push(required(p))
    else errs.push(...isRelaxedEnvVarName(name).map((m) => invalid(p, name, m)))
  })
  return errs
}

function validateVolumeMounts(mounts: unknown, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = []
  const mountPoints = new Set<string>()
  objects(mounts).forEach((m, i) => {
    const p = index(path, i)
    const name = str(m.name)
    const mountPath = str(m.mountPath)
    if (!name) errs.push(required(child(p, 'name')))
    if (!volumes.has(name)) errs.push(notFound(child(p, 'name'), name))
    if (!mountPath) errs.push(required(child(p, 'mountPath')))
    if (mountPoints.has(mountPath)) errs.push(invalid(child(p, 'mountPath'), mountPath, 'must be unique'))
    mountPoints.add(mountPath)
  })
  return errs
}

function validatePullPolicy(policy: unknown, path: string): FieldError[] {
  const p = str(policy)
  if (PULL_POLICIES.includes(p)) return []
  return [p === '' ? required(path) : notSupported(path, p, PULL_POLICIES)]
}

const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu',
  'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets',
  'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers',
])
const isHugePages = (name: string): boolean => name.startsWith('hugepages-')
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/')

/** validateContainerResourceName over validateResourceName: a qualified name, standard when unprefixed. */
function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m))
  const unprefixed = !name.includes('/')
  if (errs.length === 0 && unprefixed && !STANDARD_RESOURCES.has(name) && !isHugePages(name) && !name.startsWith('requests.hugepages-')) {
    errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'))
  }
  if (unprefixed) {
    if (!['cpu', 'memory', 'ephemeral-storage'].includes(name) && !isHugePages(name)) {
      errs.push(invalid(path, name, 'must be a standard resource for containers'))
    }
  } else if (!isNative(name) && (name.startsWith('requests.') || isQualifiedName('requests.' + name).length > 0)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"))
  }
  return errs
}

/**
 * Requests against limits. Quantities are printed as written: Kubernetes prints them in canonical form
 * (`0.5` as `500m`), which only differs when the manifest did not already use it.
 */
function validateResources(resources: unknown, path: string): FieldError[] {
  if (!isObj(resources)) return []
  const errs: FieldError[] = []
  const limits = isObj(resources.limits) ? resources.limits : {}
  const requests = isObj(resources.requests) ? resources.requests : {}
  const text = (q: unknown): string => String(q).trim()
  const checkValue = (name: string, q: unknown, p: string): void => {
    errs.push(...validateResourceName(name, p))
    if (parseQuantity(text(q)) < 0) errs.push(invalid(p, text(q), 'must be greater than or equal to 0'))
  }
  for (const name of Object.keys(limits).sort()) checkValue(name, limits[name], key(child(path, 'limits'), name))
  for (const name of Object.keys(requests).sort()) {
    const reqPath = child(path, 'requests')
    checkValue(name, requests[name], key(reqPath, name))
    const request = text(requests[name])
    const overcommit = isNative(name) && !isHugePages(name)
    if (name in limits) {
      const limit = text(limits[name])
      const cmp = parseQuantity(request) - parseQuantity(limit)
      if (cmp !== 0 && !overcommit) errs.push(invalid(reqPath, request, `must be equal to ${name} limit of ${limit}`))
      else if (cmp > 0) errs.push(invalid(reqPath, request, `must be less than or equal to ${name} limit of ${limit}`))
    } else if (!overcommit) {
      errs.push(required(child(path, 'limits'), 'Limit must be set for non overcommitable resources'))
    }
  }
  return errs
}

function validateContainerCommon(c: Obj, path: string, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = []
  const name = str(c.name)
  const namePath = child(path, 'name')
  if (!name) errs.push(required(namePath))
  else errs.push(...isDNS1123Label(name).map((m) => invalid(namePath, name, m)))
  if (!str(c.image)) errs.push(required(child(path, 'image')))
  const policy = str(c.terminationMessagePolicy)
  if (!policy) errs.push(required(child(path, 'terminationMessagePolicy')))
  else if (!TERMINATION_MESSAGE_POLICIES.includes(policy)) {
    errs.push(notSupported(child(path, 'terminationMessagePolicy'), policy, TERMINATION_MESSAGE_POLICIES))
  }
  errs.push(...validatePorts(c.ports, child(path, 'ports')))
  errs.push(...validateEnv(c.env, child(path, 'env')))
  errs.push(...validateVolumeMounts(c.volumeMounts, ctx.volumes, child(path, 'volumeMounts')))
  errs.push(...validatePullPolicy(c.imagePullPolicy, child(path, 'imagePullPolicy')))
  errs.push(...validateResources(c.resources, child(path, 'resources')))
  return errs
}

/** AccumulateUniqueHostPorts: `<protocol>/<hostIP>/<hostPort>` may appear once across the containers given. */
function checkHostPortConflicts(containers: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  containers.forEach((c, ci) => {
    objects(c.ports).forEach((port, pi) => {
      const hostPort = num(port.hostPort)
      if (hostPort === 0) return
      const id = `${str(port.protocol)}/${str(port.hostIP)}/${hostPort}`
      const p = child(index(child(index(path, ci), 'ports'), pi), 'hostPort')
      if (seen.has(id)) errs.push(duplicate(p, id))
      else seen.add(id)
    })
  })
  return errs
}

export function validateContainers(containers: unknown, path: string, ctx: ContainerContext): FieldError[] {
  const list = objects(containers)
  if (list.length === 0) return [required(path)]
  const errs: FieldError[] = []
  const names = new Set<string>()
  list.forEach((c, i) => {
    const p = index(path, i)
    errs.push(...validateContainerCommon(c, p, ctx))
    const name = str(c.name)
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name))
    else names.add(name)
    if (isObj(c.lifecycle)) errs.push(...validateLifecycle(c.lifecycle, child(p, 'lifecycle'), ctx.gracePeriod))
    for (const probe of PROBES) errs.push(...validateProbeOf(probe, c[probe], child(p, probe)))
    if (c.restartPolicy != null) errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'))
  })
  return [...errs, ...checkHostPortConflicts(list, path)]
}

const NOT_WITHOUT_ALWAYS = 'may not be set for init containers without restartPolicy=Always'

export function validateInitContainers(initContainers: unknown, regular: unknown, path: string, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set(objects(regular).map((c) => str(c.name)))
  objects(initContainers).forEach((c, i) => {
    const p = index(path, i)
    errs.push(...validateContainerCommon(c, p, ctx))
    const restartAlways = c.restartPolicy === 'Always'
    if (c.restartPolicy != null && !restartAlways) errs.push(notSupported(child(p, 'restartPolicy'), str(c.restartPolicy), ['Always']))
    const name = str(c.name)
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name))
    else if (name) names.add(name)
    // Go checks each init container alone, so the path always says initContainers[0].
    errs.push(...checkHostPortConflicts([c], path))
    if (restartAlways) {
      if (isObj(c.lifecycle)) errs.push(...validateLifecycle(c.lifecycle, child(p, 'lifecycle'), ctx.gracePeriod))
      for (const probe of PROBES) errs.push(...validateProbeOf(probe, c[probe], child(p, probe)))
    } else {
      for (const f of ['lifecycle', ...PROBES]) if (c[f] != null) errs.push(forbidden(child(p, f), NOT_WITHOUT_ALWAYS))
    }
  })
  return errs
}

/** validateContainersOnlyForPod: not for templates, whose image may be a placeholder " ". */
export function validateImageWhitespace(containers: unknown, path: string): FieldError[] {
  return objects(containers).flatMap((c, i) => {
    const image = str(c.image)
    return image.length !== image.trim().length ? [invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace')] : []
  })
}
