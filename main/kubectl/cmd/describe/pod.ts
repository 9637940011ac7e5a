// describe.go PodDescriber / describePod (v0.32.5): `kubectl describe pod`.

import { isApiError } from '../../../engine'
import { describeContainers, describeResources, envValueRetriever } from './containers'
import type { DescribeContext } from './describer'
import { describeEvents, searchEvents, type CoreEvent } from './events'
import { printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline, rfc1123z, since } from './format'
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer'
import { podQOS } from './qos'
import { formatLabelSelector } from './selectors'
import type { Pod } from './types'
import { describeVolumes } from './volumes'

/** kubelet's mirror pod annotation: a static pod's events name the static pod's UID, kept here. */
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/**
 * PodDescriber.Describe. A pod that is gone but left events prints `Pod 'x': error '...', but found events.` and
 * them; otherwise the GET's error is thrown (ApiError NotFound).
 */
export function describePodByName(ctx: DescribeContext, namespace: string, name: string): string {
  let pod: Pod
  try {
    pod = ctx.engine.get('pods', namespace, name) as Pod
  } catch (e) {
    if (ctx.settings.showEvents && isApiError(e)) {
      let events: CoreEvent[] = []
      try {
        events = searchEvents(ctx.engine, { name, namespace })
      } catch {
        events = []
      }
      if (events.length > 0) {
        return tabbedString((w) => {
          w.write(LEVEL_0, `Pod '${name}': error '${e.message}', but found events.\n`)
          describeEvents(events, w, ctx.nowMs)
        })
      }
    }
    throw e
  }
  let events: CoreEvent[] | undefined
  if (ctx.settings.showEvents) {
    const mirrorUid = pod.metadata.annotations?.[MIRROR_POD_ANNOTATION]
    // Events that fail to list leave the section out, as `events, _ = searchEvents(...)` does.
    try {
      events = searchEvents(ctx.engine, { name: pod.metadata.name ?? name, namespace: pod.metadata.namespace ?? namespace, uid: mirrorUid ?? pod.metadata.uid })
    } catch {
      events = undefined
    }
  }
  return describePod(pod, events, ctx.nowMs)
}

export function describePod(pod: Pod, events: CoreEvent[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = pod.spec
    const status = pod.status ?? {}
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`)
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`)
    printLabelsMultiline(w, 'Labels', pod.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations)
    if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, nowMs)})\n`)
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`)
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
    const seccomp = spec.securityContext?.seccompProfile
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`)
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
    describePodIPs(pod, w)
    const controlledBy = printController(pod.metadata.ownerReferences)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
    if (spec.resources) {
      w.write(LEVEL_0, 'Resources:\n')
      describeResources(spec.resources, w, LEVEL_1)
    }
    const resolver = envValueRetriever(pod)
    if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers!, status.initContainerStatuses, resolver, w, '')
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses, resolver, w, '')
    if ((spec.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
      for (const g of spec.readinessGates!) {
        const c = (status.conditions ?? []).find((c) => c.type === g.conditionType)
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
      }
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
    }
    describeVolumes(spec.volumes, w, '')
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`)
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '')
    if (events) describeEvents(events, w, nowMs)
  })
}

function describePodIPs(pod: Pod, w: PrefixWriter): void {
  const ips = pod.status?.podIPs ?? []
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'IPs:\n')
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
}

/** describeTopologySpreadConstraints: one line per constraint, sorted by topology key. */
export function describeTopologySpreadConstraints(tscs: Pod['spec']['topologySpreadConstraints'], w: PrefixWriter, space: string): void {
  if (!tscs || tscs.length === 0) return
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0))
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`)
  sorted.forEach((tsc, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`)
    const selector = tsc.labelSelector ? ` for selector ${formatLabelSelector(tsc.labelSelector as never)}` : ''
    w.write(LEVEL_0, `${tsc.topologyKey}:${tsc.whenUnsatisfiable} when max skew ${tsc.maxSkew} is exceeded${selector}\n`)
  })
}
