// The registry as data: image references (the reference grammar, the kubelet's InvalidImageName and default
// pull policy), the catalog (tags, digests, sizes, pull times, each image's config, files and resource
// profile) and pull failures in containerd's and the kubelet's words. Everything else in the engine imports
// images through here.

export {
  CATALOG,
  findImage,
  findRepository,
  imageConfig,
  imageDigest,
  lookUp,
  pullFailure,
  pullFailureFor,
  resourceProfile,
  type CatalogImage,
  type StopBehaviour,
} from './catalog'
export { configOf, tagDigest, type DefaultRun } from './catalog/define'
export type { ImageConfig, ResourceProfile } from './image-config'
export { defaultPullPolicy, imageTag, invalidImageName, parseImage, parseImageName, type ImageRef, type InvalidImageName } from './image-name'
export { failedToPullMessage, pullName, rpcErrorText, type PullFailure, type PullFailureCode, type PullFailureKind } from './pull-failure'
export { parse, parseDockerRef, parseNormalizedNamed, ReferenceError, referenceName, referenceString, type Reference } from './reference'
export { ImageResolver, type ResolvedImage } from './resolved-image'
export { previewImage, type ImagePreview } from './preview'

