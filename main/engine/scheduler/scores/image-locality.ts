// ImageLocality plugin (weight 1): nodes that already hold the pod's images score higher, by the images' sizes
// scaled by the share of nodes holding them, clamped between 23 MiB and 1000 MiB per container
// (plugins/imagelocality/image_locality.go). Images come from node.status.images.
import type { Node } from '../../api/nodes/types'
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework'
import { memo } from '../node-info'

const MB = 1024 * 1024
const MIN_THRESHOLD = 23 * MB
const MAX_CONTAINER_THRESHOLD = 1000 * MB
const STATE = 'ImageLocality/images'

interface ImageState {
  size: number
  numNodes: number
}

/** normalizedImageName: `nginx` and `nginx:latest` are one image. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name
}

type NodeImages = Array<{ names?: string[]; sizeBytes?: number }>
/** Per node object: its images' sizes by name. */
const imagesOf: (node: Node) => ReadonlyMap<string, number> = memo((node: Node) => {
  const m = new Map<string, number>()
  for (const image of (node.status?.images ?? []) as NodeImages) for (const name of image.names ?? []) m.set(name, image.sizeBytes ?? 0)
  return m
})

export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers
  const sum = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold)
  return Math.trunc((MAX_NODE_SCORE * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD))
}

export const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  preScore(state) {
    // The snapshot's image states for the pod's images: the size and how many nodes have each.
    const wanted = new Set([...(state.pod.spec.initContainers ?? []), ...state.pod.spec.containers].map((c) => normalizedImageName(c.image ?? '')))
    const states = new Map<string, ImageState>()
    for (const { node } of state.snapshot.nodes) {
      const images = imagesOf(node)
      if (images.size === 0) continue
      for (const name of wanted) {
        const size = images.get(name)
        if (size === undefined) continue
        states.set(name, { size, numNodes: (states.get(name)?.numNodes ?? 0) + 1 })
      }
    }
    state.write(STATE, states)
    return true
  },
  score(state, { node }) {
    const states = state.read<Map<string, ImageState>>(STATE) ?? new Map<string, ImageState>()
    const total = state.snapshot.nodes.length
    const here = imagesOf(node)
    const containers = [...(state.pod.spec.initContainers ?? []), ...state.pod.spec.containers]
    let sum = 0
    for (const c of containers) {
      const name = normalizedImageName(c.image ?? '')
      const s = states.get(name)
      if (s && here.has(name)) sum += Math.trunc(s.size * (s.numNodes / total))
    }
    return calculatePriority(sum, containers.length)
  },
}
