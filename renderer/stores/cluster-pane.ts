// What the Cluster view's right pane shows: the map, the pods list or the ownership graph. Kept while the app
// runs (going to another view and back finds the same one); not in the address, which names only the view.

import { defineStore } from 'pinia'
import { ref } from 'vue'

export const CLUSTER_PANES = ['map', 'list', 'graph'] as const
export type ClusterPane = (typeof CLUSTER_PANES)[number]

export const useClusterPaneStore = defineStore('clusterPane', () => {
  const show = ref<ClusterPane>('map')
  return { show }
})
