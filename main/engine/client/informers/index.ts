export { SharedInformerFactory } from './factory'
export { Informer, cacheKey, keyOf, type Lister, type LabelMatcher, type ResourceEventHandler } from './informer'
export { INDEXERS, orphanIndexKey, type IndexName } from './indexers'
