// The tag of an image reference as the API server's defaulting sees it (pkg/util/parsers ParseImageName over
// github.com/distribution/reference ParseNormalizedNamed, both as vendored in kubernetes v1.32.1): the grammar
// lives with the images (images/reference.ts), shared with the kubelet's InvalidImageName check.

export { defaultPullPolicy, imageTag } from '../../images'
