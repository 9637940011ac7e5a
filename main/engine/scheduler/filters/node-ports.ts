// NodePorts plugin: a pod's host ports must be free on the node
// (`node(s) didn't have free ports for the requested pod ports`). Two ports conflict when protocol and port
// match and their host IPs are equal or either is 0.0.0.0 (framework.HostPortInfo).
import type { Pod } from '../../api/pods/types'
import { reject, type FilterPlugin } from '../framework'
import { memo } from '../node-info'

const NAME = 'NodePorts'

interface HostPort {
  ip: string
  protocol: string
  port: number
}

/** util.GetHostPorts: the host ports of the pod's containers (and restartable init containers). */
export const hostPorts: (pod: Pod) => readonly HostPort[] = memo((pod: Pod) => {
  const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')]
  return containers.flatMap((c) =>
    (c.ports ?? [])
      .filter((p) => (p.hostPort ?? 0) > 0)
      .map((p) => ({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort ?? 0 })),
  )
})

const conflict = (a: HostPort, b: HostPort): boolean =>
  a.port === b.port && a.protocol === b.protocol && (a.ip === b.ip || a.ip === '0.0.0.0' || b.ip === '0.0.0.0')

export const nodePorts: FilterPlugin = {
  name: NAME,
  filter(state, info) {
    const wanted = hostPorts(state.pod)
    if (wanted.length === 0) return null
    const used = info.pods.flatMap(hostPorts)
    if (!wanted.some((w) => used.some((u) => conflict(w, u)))) return null
    return reject(NAME, 'Unschedulable', "node(s) didn't have free ports for the requested pod ports")
  },
  // isSchedulableAfterPodDeleted: a deleted pod that held one of the ports; any node added or changed.
  hint(event, pod) {
    if (event.kind === 'AssignedPodDelete') return hostPorts(event.pod).some((u) => hostPorts(pod).some((w) => conflict(w, u)))
    return event.kind === 'NodeAdd' || event.kind === 'NodeUpdate'
  },
}
