// Issue 11 item 3: where a pod's detail lives (`#/pods/NAMESPACE/NAME`), for every place that links to a pod
// (the pods list; later the cluster map and the history).

import type { RouteLocationRaw } from 'vue-router'

/** The route name of a pod's detail (a child of the pods view). */
export const POD_ROUTE = 'pod'

/** The detail of pod `name` in `namespace`. */
export function podRoute(namespace: string, name: string): RouteLocationRaw {
  return { name: POD_ROUTE, params: { namespace, name } }
}
