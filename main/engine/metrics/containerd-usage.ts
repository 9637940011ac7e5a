// The usage containerd's kernel reports: the summed rss and CPU of a container's live processes (Sys.setRss /
// Sys.setCpu), read from the container's record as last saved. A process's rss moves only in one of its steps,
// and the runtime saves the record after every step it runs at its own wake-ups, so the saved record is the
// container's use at any instant; reading it writes nothing (metrics are read outside any transaction).

import { containerKey, containerUsage, type ContainerRecord } from '../containerd/state'
import type { World } from '../world'
import type { UsageSource } from './usage'

export function containerdUsage(world: World): UsageSource {
  return {
    usage(node, containerId) {
      const c = world.nodeState.peek<ContainerRecord>(node, containerKey(containerId))
      if (!c || c.exit) return undefined
      return containerUsage(c)
    },
  }
}
