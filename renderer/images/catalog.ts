// The image catalog's presenter: filtering by what a learner types, the size and default command as a row shows
// them, and whether the search text is an image reference to look up (`nginx:1.27`, `helloimage`).

import type { CatalogImageView } from '../../main/contract'
import { formatMemory } from '../map/present'

/** The images whose name or repository contains every word of `query` (case-insensitive); all for an empty query. */
export function filterImages(images: readonly CatalogImageView[], query: string): CatalogImageView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...images]
  // `nginx:1.27` searches for nginx: the tag is the look-up's business.
  const terms = words.map((w) => w.replace(/[:@].*$/, '')).filter(Boolean)
  return images.filter((i) => terms.every((w) => i.repository.toLowerCase().includes(w) || i.name.toLowerCase().includes(w)))
}

/** The search text as an image to look up: one word that could be a reference (no spaces), else undefined. */
export function lookupQuery(query: string): string | undefined {
  const q = query.trim()
  return q && !/\s/.test(q) && q.length <= 512 ? q : undefined
}

/** The default command a container without `command`/`args` runs: ENTRYPOINT then CMD, as the runtime joins them. */
export function defaultCommand(image: Pick<CatalogImageView, 'entrypoint' | 'cmd'>): string {
  return [...image.entrypoint, ...image.cmd].map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')
}

/** Compressed size as the Pulled event counts it, in binary units. */
export function imageSize(image: Pick<CatalogImageView, 'sizeBytes'>): string {
  return formatMemory(image.sizeBytes)
}
