// Each image a pod names, resolved once per sync: checked against the reference grammar as the kubelet does,
// normalised as the runtime names it and looked up in the simulated registry. A sync asks about the same image
// at several steps (presence, pull, start, status, stop).

import { lookUp, type CatalogImage } from './catalog'
import type { ImageConfig } from './image-config'
import { invalidImageName, parseImage, type ImageRef, type InvalidImageName } from './image-name'

export interface ResolvedImage {
  /** As the pod spec writes it. */
  given: string
  ref: ImageRef
  /** Set when the reference does not parse: the kubelet refuses it before any pull. */
  invalid: InvalidImageName | undefined
  /** The registry's image, or undefined when no such repository or tag exists. */
  found: CatalogImage | undefined
  /** The config of the tag the reference names, when found. */
  config: ImageConfig | undefined
  /** The manifest digest containerd reports (imageID `<repository>@<digest>`), when found. */
  digest: string | undefined
}

export class ImageResolver {
  private readonly resolved = new Map<string, ResolvedImage>()

  resolve(given: string): ResolvedImage {
    let image = this.resolved.get(given)
    if (!image) {
      const ref = parseImage(given)
      const invalid = invalidImageName(given)
      const hit = invalid ? undefined : lookUp(ref)
      image = { given, ref, invalid, found: hit?.image, config: hit?.config, digest: hit?.digest }
      this.resolved.set(given, image)
    }
    return image
  }
}
