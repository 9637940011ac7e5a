// The pod's network namespace as its processes and its node see it: localhost, the pod's IP and its own
// hostname reach the pod's containers (they share one namespace); any other address reaches nothing yet
// (Services and other pods come with the Services issue): a pod-network address refuses, anything else has
// no route. DNS knows the pod's own hostname and localhost, and answers NXDOMAIN for every other name.

import type { NetError } from '../process/program'
import type { SandboxRecord } from './state'

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/
/** kind's pod network (--cluster-cidr of a kind cluster). */
const POD_NETWORK = /^10\.244\./

/** Whether `host` (an address or a name, as a client gives it) is this pod; else why the connection fails. */
export function reachesPod(sandbox: Pick<SandboxRecord, 'ip' | 'hostname'>, host: string): true | NetError['error'] {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  if (h === 'localhost' || h === '::1' || h === '0.0.0.0' || h === sandbox.ip || h === sandbox.hostname.toLowerCase()) return true
  if (/^127\./.test(h)) return true
  if (IPV4.test(h)) return POD_NETWORK.test(h) ? 'ECONNREFUSED' : 'EHOSTUNREACH'
  return 'EHOSTUNREACH'
}

/** The pod's resolver (its resolv.conf and /etc/hosts): the addresses of `name`, or NXDOMAIN. */
export function resolveInPod(sandbox: Pick<SandboxRecord, 'ip' | 'hostname'>, name: string): { addresses: string[] } | { error: 'NXDOMAIN' } {
  const n = name.toLowerCase().replace(/\.$/, '')
  if (IPV4.test(n)) return { addresses: [n] }
  if (n === 'localhost') return { addresses: ['127.0.0.1'] }
  if (n === sandbox.hostname.toLowerCase()) return { addresses: [sandbox.ip] }
  return { error: 'NXDOMAIN' }
}
