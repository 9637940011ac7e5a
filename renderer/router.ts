// The app's views, one route each, in hash history: `app://podlab/#/pods` under Electron and
// `http://127.0.0.1:PORT/#/pods` in a browser both stay on the one page the hosts serve (the hosts serve files
// only; a path route would 404 on reload). Later items add routes under these (a pod's detail under /pods).

import { createRouter, createWebHashHistory, createMemoryHistory, type Router, type RouteRecordRaw } from 'vue-router'
import ClusterView from './views/ClusterView.vue'
import WorkloadsView from './views/WorkloadsView.vue'
import PodsView from './views/PodsView.vue'
import EventsView from './views/EventsView.vue'
import ConsoleView from './views/ConsoleView.vue'
import HistoryTab from './views/events/HistoryTab.vue'
import TimelineTab from './views/events/TimelineTab.vue'
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

/** Views with tabs of their own: their routes nest under the view's (the empty path is the first tab). */
const CHILDREN: Partial<Record<ViewName, RouteRecordRaw[]>> = {
  // Issue 11 items 4 and 5: the lifecycle history (/events) and the whole cluster over time (/events/timeline).
  events: [
    { path: '', name: 'events', component: HistoryTab },
    { path: 'timeline', name: 'events-timeline', component: TimelineTab },
  ],
}

/** `memory` for tests (no window.location); the app uses the hash. */
export function createPodlabRouter(history: 'hash' | 'memory' = 'hash'): Router {
  return createRouter({
    history: history === 'hash' ? createWebHashHistory() : createMemoryHistory(),
    routes: [
      { path: '/', redirect: '/cluster' },
      ...VIEWS.map((name): RouteRecordRaw =>
        CHILDREN[name]
          ? { path: `/${name}`, component: COMPONENTS[name] as never, children: CHILDREN[name] }
          : {
              path: `/${name}`,
              name,
              component: COMPONENTS[name] as never,
              // Issue 11 item 3: a pod's detail, beside the list it was picked from.
              children: name === 'pods' ? [{ path: ':namespace/:name', name: POD_ROUTE, component: PodDetail, props: true }] : [],
            },
      ),
      // An unknown address (an old bookmark) shows the cluster rather than a blank page.
      { path: '/:rest(.*)*', redirect: '/cluster' },
    ],
  })
}
