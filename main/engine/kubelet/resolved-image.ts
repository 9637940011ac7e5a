// Each image a pod names, resolved once per sync: normalised as the runtime names it and looked up in the
// simulated registry. A sync asks about the same image at several steps (presence, pull, start, status, stop).

import { findImage, parseImage, type CatalogImage, type ImageRef } from './image-catalog'

export interface ResolvedImage {
  /** As the pod spec writes it. */
  given: string
  ref: ImageRef
  /** The registry's image, or undefined when no such repository or tag exists. */
  found: CatalogImage | undefined
}

export class ImageResolver {
  private readonly resolved = new Map<string, ResolvedImage>()

  resolve(given: string): ResolvedImage {
    let image = this.resolved.get(given)
    if (!image) {
      const ref = parseImage(given)
      image = { given, ref, found: findImage(ref) }
      this.resolved.set(given, image)
    }
    return image
  }
}
