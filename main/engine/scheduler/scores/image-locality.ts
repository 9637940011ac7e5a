// ImageLocality plugin (weight 1): nodes that already hold the pod's images score higher, by the images' sizes
// scaled by the share of nodes holding them, clamped between 23 MiB and 1000 MiB per container
// (plugins/imagelocality/image_locality.go). Images come from node.status.images.
import type { Node } from '../../api/nodes/types'
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework'

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
const imagesOf = (node: Node) => (node.status?.images ?? []) as NodeImages

export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers
  const sum = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold)
  return Math.trunc((MAX_NODE_SCORE * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD))
}

export const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  preScore(state) {
    // The snapshot's image states: per image name its size and how many nodes have it.
    const states = new Map<string, ImageState>()
    for (const { node } of state.snapshot.nodes) {
      for (const image of imagesOf(node)) {
        for (const name of image.names ?? []) {
          const s = states.get(name)
          states.set(name, { size: image.sizeBytes ?? 0, numNodes: (s?.numNodes ?? 0) + 1 })
        }
      }
    }
    state.write(STATE, states)
    return true
  },
  score(state, { node }) {
    const states = state.read<Map<string, ImageState>>(STATE) ?? new Map<string, ImageState>()
    const total = state.snapshot.nodes.length
    const here = new Set(imagesOf(node).flatMap((i) => i.names ?? []))
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
