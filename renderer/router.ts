// The app's views, one route each, in hash history: `app://podlab/#/pods` under Electron and
// `http://127.0.0.1:PORT/#/pods` in a browser both stay on the one page the hosts serve (the hosts serve files
// only; a path route would 404 on reload). Later items add routes under these (a pod's detail under /pods).

import { createRouter, createWebHashHistory, createMemoryHistory, type Router, type RouteRecordRaw } from 'vue-router'
import ClusterView from './views/ClusterView.vue'
import WorkloadsView from './views/WorkloadsView.vue'
import PodsView from './views/PodsView.vue'
import EventsView from './views/EventsView.vue'
import ConsoleView from './views/ConsoleView.vue'
import { VIEWS, type ViewName } from './components/frame/shortcuts'
import PodDetail from './components/pod/PodDetail.vue'
import { POD_ROUTE } from './components/pod/pod-route'

const COMPONENTS: Record<ViewName, unknown> = {
  cluster: ClusterView,
  workloads: WorkloadsView,
  pods: PodsView,
  events: EventsView,
  console: ConsoleView,
}

/** `memory` for tests (no window.location); the app uses the hash. */
export function createPodlabRouter(history: 'hash' | 'memory' = 'hash'): Router {
  return createRouter({
    history: history === 'hash' ? createWebHashHistory() : createMemoryHistory(),
    routes: [
      { path: '/', redirect: '/cluster' },
      ...VIEWS.map(
        (name): RouteRecordRaw => ({
          path: `/${name}`,
          name,
          component: COMPONENTS[name] as never,
          // Issue 11 item 3: a pod's detail, beside the list it was picked from.
          children: name === 'pods' ? [{ path: ':namespace/:name', name: POD_ROUTE, component: PodDetail, props: true }] : [],
        }),
      ),
      // An unknown address (an old bookmark) shows the cluster rather than a blank page.
      { path: '/:rest(.*)*', redirect: '/cluster' },
    ],
  })
}
