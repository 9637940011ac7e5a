// Which pods `kubectl drain` evicts, after kubectl pkg/drain/filters.go (v0.32.5): each pod on the node goes
// through skipDeleted, daemonSet, mirrorPod, localStorage and unreplicated in turn, stopping at the first that
// keeps it; a filter may let it go with a warning, keep it silently, or refuse the drain with an error. Go
// groups the warnings and errors by message in maps, so their order varies between runs; Podlab keeps the order
// the messages first appear in.
// Podlab serves no DaemonSet objects yet: a pod whose controller is a DaemonSet (kindnet, kube-proxy) counts as
// managed by one that exists, as on the kind cluster Podlab simulates.

import type { KubeObject } from '../../../kube'

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods'
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)'
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage'
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)'
const UNMANAGED_WARNING = 'deleting Pods that declare no controller'
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

export interface DrainFilterOptions {
  force: boolean
  ignoreAllDaemonSets: boolean
  deleteEmptyDirData: boolean
  /** --skip-wait-for-delete-timeout, seconds (0: never skip). */
  skipWaitForDeleteTimeoutSeconds: number
  /** The clock's now (ms), for the skip above. */
  nowMs: number
}

type Status = { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string }

interface DrainPod extends KubeObject {
  spec?: { volumes?: Array<{ emptyDir?: unknown }> }
  status?: { phase?: string }
}

const okay: Status = { delete: true, reason: 'Okay' }
const finished = (pod: DrainPod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
const controllerOf = (pod: DrainPod) => (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true)

/** shouldSkipPod: deleted more than `seconds` ago (int seconds, as Go truncates). */
export function deletedLongAgo(pod: KubeObject, seconds: number, nowMs: number): boolean {
  const at = pod.metadata.deletionTimestamp
  return seconds > 0 && !!at && Math.trunc((nowMs - Date.parse(at)) / 1000) > seconds
}

function filters(o: DrainFilterOptions): Array<(pod: DrainPod) => Status> {
  return [
    (pod) => (deletedLongAgo(pod, o.skipWaitForDeleteTimeoutSeconds, o.nowMs) ? { delete: false, reason: 'Skip' } : okay),
    (pod) => {
      const ref = controllerOf(pod)
      if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return okay
      return o.ignoreAllDaemonSets ? { delete: false, reason: 'Warning', message: DAEMONSET_WARNING } : { delete: false, reason: 'Error', message: DAEMONSET_FATAL }
    },
    (pod) => (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? { delete: false, reason: 'Skip' } : okay),
    (pod) => {
      if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined && v.emptyDir !== null) || finished(pod)) return okay
      return o.deleteEmptyDirData ? { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING } : { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL }
    },
    (pod) => {
      if (finished(pod) || controllerOf(pod)) return okay
      return o.force ? { delete: true, reason: 'Warning', message: UNMANAGED_WARNING } : { delete: false, reason: 'Error', message: UNMANAGED_FATAL }
    },
  ]
}

export interface PodDeleteList {
  /** The pods to evict or delete. */
  pods: KubeObject[]
  /** PodDeleteList.Warnings(): `message: ns/a, ns/b; message: ...`, or "". */
  warnings: string
  /** PodDeleteList.errors(), each `cannot delete <message>: ns/a, ns/b`. */
  errors: string[]
}

/** GetPodsForDeletion's filtering of the node's pods. */
export function podsForDeletion(pods: KubeObject[], o: DrainFilterOptions): PodDeleteList {
  const kept: Array<{ pod: KubeObject; status: Status }> = []
  for (const pod of pods) {
    let status = okay
    for (const filter of filters(o)) {
      status = filter(pod as DrainPod)
      if (!status.delete) break
    }
    // The pods a filter kept with a warning or an error stay in the list for their messages (Pods() skips them).
    if (status.delete || status.reason === 'Warning' || status.reason === 'Error') kept.push({ pod, status })
  }
  const grouped = (reason: Status['reason']) => {
    const groups = new Map<string, string[]>()
    for (const { pod, status } of kept.filter((k) => k.status.reason === reason)) {
      const message = status.message || 'unexpected error'
      groups.set(message, [...(groups.get(message) ?? []), `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`])
    }
    return [...groups.entries()]
  }
  return {
    pods: kept.filter((k) => k.status.delete).map((k) => k.pod),
    warnings: grouped('Warning')
      .map(([m, names]) => `${m}: ${names.join(', ')}`)
      .join('; '),
    // v0.32.5 prefixes every message, even its own unmanagedFatal: `cannot delete cannot delete Pods that declare no controller`.
    errors: grouped('Error').map(([m, names]) => `cannot delete ${m}: ${names.join(', ')}`),
  }
}
