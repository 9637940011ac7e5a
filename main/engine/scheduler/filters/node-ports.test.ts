import { describe, expect, it } from 'vitest'
import type { ContainerPort } from '../../api/pods/types'
import { cycle, makeNode, makePod, nodeInfo } from '../testing/fixtures'
import { nodePorts } from './node-ports'

// Ported from plugins/nodeports/node_ports_test.go TestNodePorts (1.32); newPod("m1", "UDP/127.0.0.1/8080").
function podWith(...ports: string[]) {
  const list: ContainerPort[] = ports.map((p) => {
    const [protocol, hostIP, port] = p.split('/')
    return { containerPort: Number(port), hostPort: Number(port), hostIP, protocol: protocol as ContainerPort['protocol'] }
  })
  return makePod(`p${ports.join()}`, { containers: [{ name: 'c', image: 'nginx', ports: list }] })
}
const REASON = "Unschedulable: node(s) didn't have free ports for the requested pod ports"

describe('NodePorts Filter (TestNodePorts)', () => {
  it.each([
    { name: 'nothing running', pod: [] as string[], existing: [] as string[], want: null },
    { name: 'other port', pod: ['UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/9090'], want: null },
    { name: 'same udp port', pod: ['UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/8080'], want: REASON },
    { name: 'same tcp port', pod: ['TCP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8080'], want: REASON },
    { name: 'different host ip', pod: ['TCP/127.0.0.1/8080'], existing: ['TCP/127.0.0.2/8080'], want: null },
    { name: 'different protocol', pod: ['UDP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8080'], want: null },
    { name: 'second udp port conflict', pod: ['UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/8080'], want: REASON },
    { name: 'first tcp port conflict', pod: ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'], want: REASON },
    { name: 'first tcp port conflict due to 0.0.0.0 hostIP', pod: ['TCP/0.0.0.0/8001'], existing: ['TCP/127.0.0.1/8001'], want: REASON },
    { name: 'TCP hostPort conflict due to 0.0.0.0 hostIP', pod: ['TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'], existing: ['TCP/127.0.0.1/8001'], want: REASON },
    { name: 'second tcp port conflict to 0.0.0.0 hostIP', pod: ['TCP/127.0.0.1/8001'], existing: ['TCP/0.0.0.0/8001'], want: REASON },
    { name: 'second different protocol', pod: ['UDP/127.0.0.1/8001'], existing: ['TCP/0.0.0.0/8001'], want: null },
    { name: 'UDP hostPort conflict due to 0.0.0.0 hostIP', pod: ['UDP/127.0.0.1/8001'], existing: ['TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'], want: REASON },
  ])('$name', ({ pod, existing, want }) => {
    const info = nodeInfo(makeNode('n'), existing.length ? [podWith(...existing)] : [])
    const r = nodePorts.filter(cycle(podWith(...pod)), info)
    expect(r ? `${r.code}: ${r.reasons.join(', ')}` : null).toBe(want)
  })
})
