// The door protocol: the calls every door speaks, their payload checks and the bridge. Kubernetes object shapes
// (and the Status, Table and clock shapes the engine returns) live in ../kube, which this module builds on.

export * from './errors'
export * from './calls'
export * from './validate'
export * from './limits'
export * from './pod-detail'
export * from './actions'
export * from './cluster-map'
