// What the simulated registry holds, as data (KWOK style): each repository's tags, digests, size, how long a
// pull takes on the workshop network, and the config of its images. An image not listed here does not exist,
// and pulling it fails the way the real registry's answer makes containerd fail (./pull-failure.ts).
//
// Sizes and digests are plausible values, not checked against the registries (they cannot be reached from
// here): they make events and `kubectl get pod -o yaml` look like a real cluster's. Tags are patterns of the
// tags each repository publishes; a tag outside them does not exist, as `nginx:1.999` does not.

import { configOf, tagDigest, type CatalogImage } from './catalog/define'
import { KIND_SYSTEM_IMAGES } from './catalog/kind-system-images'
import { KUBERNETES_IMAGES } from './catalog/kubernetes-images'
import { OFFICIAL_IMAGES } from './catalog/official-images'
import { SAMPLE_IMAGES } from './catalog/sample-images'
import type { ImageConfig, ResourceProfile } from './image-config'
import type { ImageRef } from './image-name'
import { pullFailureOf, rpcErrorText, type PullFailure } from './pull-failure'

export type { CatalogImage, StopBehaviour } from './catalog/define'

export const CATALOG: readonly CatalogImage[] = [...OFFICIAL_IMAGES, ...KUBERNETES_IMAGES, ...SAMPLE_IMAGES, ...KIND_SYSTEM_IMAGES]

const BY_REPOSITORY = new Map(CATALOG.map((i) => [i.repository, i]))

/** The repository, if the registry has it (tags aside). */
export function findRepository(repository: string): CatalogImage | undefined {
  return BY_REPOSITORY.get(repository)
}

/**
 * The image the reference names, if the registry has that repository and tag (or digest): a tag must match
 * the repository's tags; a pinned digest must be the published one of the default tag (or of the given tag).
 */
export function findImage(ref: ImageRef): CatalogImage | undefined {
  const image = BY_REPOSITORY.get(ref.repository)
  if (!image) return undefined
  if (ref.tag && !image.tags.test(ref.tag)) return undefined
  if (ref.digest) return ref.digest === tagDigest(image, ref.tag || image.defaultTag) || ref.digest === image.digest ? image : undefined
  return image
}

/** The tag a reference stands for in the catalog: its own, or the default tag for a bare digest. */
function tagOf(image: CatalogImage, ref: ImageRef): string {
  return ref.tag || image.defaultTag
}

/** What the registry has for `ref`, in one look-up: the repository's entry, the tag's config and manifest digest. */
export function lookUp(ref: ImageRef): { image: CatalogImage; config: ImageConfig; digest: string } | undefined {
  const image = findImage(ref)
  if (!image) return undefined
  const tag = tagOf(image, ref)
  return { image, config: configOf(image, tag), digest: ref.digest ?? tagDigest(image, tag) }
}

/** The OCI config (with its executables and files) of the image `ref` names, if it exists. */
export function imageConfig(ref: ImageRef): ImageConfig | undefined {
  const image = findImage(ref)
  return image ? configOf(image, tagOf(image, ref)) : undefined
}

/** The digest containerd reports for `ref` (containerStatuses[].imageID is `<repository>@<digest>`). */
export function imageDigest(ref: ImageRef): string | undefined {
  const image = findImage(ref)
  return image ? (ref.digest ?? tagDigest(image, tagOf(image, ref))) : undefined
}

/** How pulling `ref` fails (it is not in the registry): the kind of failure, gRPC code and containerd's text. */
export function pullFailureFor(ref: ImageRef): PullFailure {
  return pullFailureOf(ref, BY_REPOSITORY.has(ref.repository))
}

/** The gRPC error the kubelet receives for the failed pull: `rpc error: code = NotFound desc = failed to pull and unpack image ...`. */
export function pullFailure(ref: ImageRef): string {
  return rpcErrorText(pullFailureFor(ref))
}

/** The idle use of the default process of the image `ref` names (bytes, millicores), if the registry has it. */
export function resourceProfile(ref: ImageRef): ResourceProfile | undefined {
  return findImage(ref)?.profile
}
