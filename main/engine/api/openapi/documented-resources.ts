// The kinds the OpenAPI documents describe that Podlab does not serve (it simulates no Services, CronJobs,
// StatefulSets...), as kube-apiserver 1.32's discovery names them: plural, singular, short names and categories
// from each kind's REST storage (pkg/registry/core/service/storage/storage.go ShortNames "svc", apps/statefulset
// "sts", apps/daemonset "ds", batch/cronjob "cj", core/persistentvolumeclaim "pvc", core/serviceaccount "sa",
// networking/ingress "ing", autoscaling/horizontalpodautoscaler "hpa"). `kubectl explain svc` reads a schema and
// needs no simulation, so its resource mapping knows them too.

import type { ResourceRef } from '../../engine'

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const

function documented(resource: string, group: string, version: string, kind: string, shortNames: string[], categories?: string[]): ResourceRef {
  return { resource, group, version, kind, namespaced: true, singular: kind.toLowerCase(), shortNames, ...(categories ? { categories } : {}), verbs: VERBS }
}

/** Documented, not served: what `explain` maps besides engine.resources(), in discovery's group order. */
export const DOCUMENTED_ONLY_RESOURCES: readonly ResourceRef[] = [
  documented('persistentvolumeclaims', '', 'v1', 'PersistentVolumeClaim', ['pvc']),
  documented('serviceaccounts', '', 'v1', 'ServiceAccount', ['sa']),
  documented('services', '', 'v1', 'Service', ['svc'], ['all']),
  documented('daemonsets', 'apps', 'v1', 'DaemonSet', ['ds'], ['all']),
  documented('statefulsets', 'apps', 'v1', 'StatefulSet', ['sts'], ['all']),
  documented('horizontalpodautoscalers', 'autoscaling', 'v2', 'HorizontalPodAutoscaler', ['hpa'], ['all']),
  documented('cronjobs', 'batch', 'v1', 'CronJob', ['cj'], ['all']),
  documented('ingresses', 'networking.k8s.io', 'v1', 'Ingress', ['ing']),
]
