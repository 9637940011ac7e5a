import { describe, expect, it } from 'vitest'
import type { GraphObject } from '../../main/contract'
import { BOX_HEIGHT, BOX_WIDTH, layoutGraph, pathOf } from './layout'

const obj = (kind: GraphObject['kind'], name: string, status = '1/1'): GraphObject => ({ id: `${kind}/default/${name}`, kind, namespace: 'default', name, status })

describe('the ownership graph layout (dagre)', () => {
  const objects = [obj('Deployment', 'web'), obj('ReplicaSet', 'web-6d8'), obj('Pod', 'web-6d8-a', 'Running'), obj('Pod', 'web-6d8-b', 'Running'), obj('Pod', 'web-6d8-c', 'Pending')]
  const edges = [
    { from: 'Deployment/default/web', to: 'ReplicaSet/default/web-6d8' },
    ...['a', 'b', 'c'].map((s) => ({ from: 'ReplicaSet/default/web-6d8', to: `Pod/default/web-6d8-${s}` })),
  ]

  it('puts owners left of their dependents: Deployment, then ReplicaSet, then the pods in one column', () => {
    const layout = layoutGraph({ objects, edges })
    const x = Object.fromEntries(layout.boxes.map((b) => [b.name, b.x]))
    expect(x['web']).toBeLessThan(x['web-6d8'] as number)
    expect(x['web-6d8']).toBeLessThan(x['web-6d8-a'] as number)
    expect(new Set([x['web-6d8-a'], x['web-6d8-b'], x['web-6d8-c']]).size).toBe(1)
  })

  it('keeps every box inside the drawing, none overlapping, each the box size', () => {
    const layout = layoutGraph({ objects, edges })
    for (const b of layout.boxes) {
      expect([b.width, b.height]).toEqual([BOX_WIDTH, BOX_HEIGHT])
      expect(b.x).toBeGreaterThanOrEqual(0)
      expect(b.y).toBeGreaterThanOrEqual(0)
      expect(b.x + b.width).toBeLessThanOrEqual(layout.width)
      expect(b.y + b.height).toBeLessThanOrEqual(layout.height)
    }
    const pods = layout.boxes.filter((b) => b.kind === 'Pod').sort((a, b) => a.y - b.y)
    for (let i = 1; i < pods.length; i++) expect(pods[i]!.y).toBeGreaterThanOrEqual(pods[i - 1]!.y + BOX_HEIGHT)
  })

  it('routes each edge from its owner’s border, rightwards, to its dependent’s border', () => {
    const layout = layoutGraph({ objects, edges })
    expect(layout.edges).toHaveLength(4)
    const box = (id: string) => layout.boxes.find((b) => b.id === id)!
    // On the border: inside the box, and on one of its four sides (dagre's intersectRect).
    const onBorder = (p: { x: number; y: number }, b: { x: number; y: number }) => {
      const inside = p.x >= b.x - 0.5 && p.x <= b.x + BOX_WIDTH + 0.5 && p.y >= b.y - 0.5 && p.y <= b.y + BOX_HEIGHT + 0.5
      const side = [p.x - b.x, b.x + BOX_WIDTH - p.x, p.y - b.y, b.y + BOX_HEIGHT - p.y].some((d) => Math.abs(d) < 0.5)
      return inside && side
    }
    for (const e of layout.edges) {
      const first = e.points[0]!
      const last = e.points.at(-1)!
      expect(onBorder(first, box(e.from)), `${e.from} -> ${e.to} starts on its owner`).toBe(true)
      expect(onBorder(last, box(e.to)), `${e.from} -> ${e.to} ends on its dependent`).toBe(true)
      expect(first.x).toBeLessThan(last.x)
    }
    expect(pathOf([{ x: 1, y: 2 }, { x: 3.25, y: 4 }])).toBe('M1,2 L3.3,4')
  })

  it('lays out nothing for no objects, and ignores an edge to an object it does not hold', () => {
    expect(layoutGraph({ objects: [], edges: [] })).toEqual({ boxes: [], edges: [], width: 0, height: 0 })
    expect(layoutGraph({ objects: [obj('Job', 'pi')], edges: [{ from: 'Job/default/pi', to: 'Pod/default/gone' }] }).edges).toEqual([])
  })
})
