// Facts from kubernetes pkg/printers/internalversion/printers.go printNode / findNodeRoles (1.32 tree) and the
// node cases of printers_test.go (TestPrintNodeStatus, TestPrintNodeRole, TestPrintNodeOSImage ...).
import { describe, expect, it } from 'vitest'
import type { Node } from '../api/nodes/types'
import { NODE_COLUMNS, nodeCells } from './node-table'

const NOW = Date.parse('2025-03-01T12:00:00Z')

function node(fields: Partial<Node> & { labels?: Record<string, string> } = {}): Node {
  const { labels, ...rest } = fields
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', ...(labels ? { labels } : {}) }, ...rest }
}

describe('nodeCells STATUS (TestPrintNodeStatus)', () => {
  it.each<[string, Node, string]>([
    ['Ready', node({ status: { conditions: [{ type: 'Ready', status: 'True' }] } }), 'Ready'],
    ['NotReady', node({ status: { conditions: [{ type: 'Ready', status: 'False' }] } }), 'NotReady'],
    ['Unknown without a Ready condition', node({ status: { conditions: [{ type: 'MemoryPressure', status: 'False' }] } }), 'Unknown'],
    ['cordoned', node({ spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'True' }] } }), 'Ready,SchedulingDisabled'],
    ['cordoned and unknown', node({ spec: { unschedulable: true } }), 'Unknown,SchedulingDisabled'],
  ])('%s', (_n, n, want) => expect(nodeCells(n, NOW)[1]).toBe(want))
})

describe('nodeCells ROLES (TestPrintNodeRole)', () => {
  it.each<[Record<string, string>, string]>([
    [{}, '<none>'],
    [{ 'node-role.kubernetes.io/fed': 'true', 'node-role.kubernetes.io/control-plane': '' }, 'control-plane,fed'],
    [{ 'kubernetes.io/role': 'node' }, 'node'],
    [{ 'kubernetes.io/role': '' }, '<none>'],
    [{ 'node-role.kubernetes.io/': 'x' }, '<none>'],
  ])('%j -> %s', (labels, want) => expect(nodeCells(node({ labels }), NOW)[2]).toBe(want))
})

describe('nodeCells wide columns', () => {
  it('prints <none> addresses and <unknown> node info when unset', () => {
    expect(nodeCells(node(), NOW).slice(4)).toEqual(['', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'])
  })
  it('prints the first InternalIP / ExternalIP and the node info', () => {
    const n = node({
      status: {
        addresses: [
          { type: 'Hostname', address: 'n1' },
          { type: 'InternalIP', address: '172.18.0.2' },
          { type: 'ExternalIP', address: '1.2.3.4' },
          { type: 'InternalIP', address: '172.18.0.3' },
        ],
        nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.7.24' },
      },
    })
    expect(nodeCells(n, NOW).slice(4)).toEqual(['v1.32.0', '172.18.0.2', '1.2.3.4', 'Debian GNU/Linux 12 (bookworm)', '6.1.0', 'containerd://1.7.24'])
  })
  it('declares NAME STATUS ROLES AGE VERSION, then five priority-1 columns', () => {
    expect(NODE_COLUMNS.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Status:0', 'Roles:0', 'Age:0', 'Version:0',
      'Internal-IP:1', 'External-IP:1', 'OS-Image:1', 'Kernel-Version:1', 'Container-Runtime:1',
    ])
  })
})
