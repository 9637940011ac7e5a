// The images a node holds (its containerd image store), kept in node_state under `images`.

import type { NodeState } from '../store/node-state'

const IMAGES_KEY = 'images'

export class NodeImages {
  private images: string[]

  constructor(
    private readonly state: NodeState,
    private readonly node: string,
  ) {
    this.images = state.get<string[]>(node, IMAGES_KEY) ?? []
  }

  /** Whether the node has the image, by its full name (docker.io/library/nginx:latest). */
  has(full: string): boolean {
    return this.images.includes(full)
  }

  add(full: string): void {
    if (this.has(full)) return
    this.images = [...this.images, full]
    this.state.set(this.node, IMAGES_KEY, this.images)
  }
}
