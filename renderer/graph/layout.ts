// Lays the ownership graph out with dagre (@dagrejs/dagre: Sugiyama-style layered layout, synchronous, plain
// JavaScript with no DOM, worker or eval, so it runs under the page's strict CSP and offline): owners in the
// left column, their dependents to the right (Deployment -> ReplicaSet -> Pods). Pure: objects and edges in,
// boxes and edge polylines out, in SVG user units.

import dagre from '@dagrejs/dagre'
import type { GraphObject, OwnershipGraph } from '../../main/contract'

export const BOX_WIDTH = 200
export const BOX_HEIGHT = 44

export interface PlacedBox extends GraphObject {
  /** Top-left corner. */
  x: number
  y: number
  width: number
  height: number
}

export interface PlacedEdge {
  from: string
  to: string
  /** The polyline, start to end. */
  points: Array<{ x: number; y: number }>
}

export interface Layout {
  boxes: PlacedBox[]
  edges: PlacedEdge[]
  width: number
  height: number
}

/** Positions every object of `graph` (ranked left to right along its edges) and routes the edges. */
export function layoutGraph(graph: Pick<OwnershipGraph, 'objects' | 'edges'>): Layout {
  if (graph.objects.length === 0) return { boxes: [], edges: [], width: 0, height: 0 }
  const g = new dagre.graphlib.Graph()
  g.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 56, marginx: 8, marginy: 8 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const o of graph.objects) g.setNode(o.id, { width: BOX_WIDTH, height: BOX_HEIGHT })
  const ids = new Set(graph.objects.map((o) => o.id))
  for (const e of graph.edges) if (ids.has(e.from) && ids.has(e.to)) g.setEdge(e.from, e.to)
  dagre.layout(g)
  const boxes = graph.objects.map((o) => {
    const n = g.node(o.id) as { x: number; y: number; width: number; height: number }
    return { ...o, x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height }
  })
  const edges = g.edges().map((e) => ({ from: e.v, to: e.w, points: ((g.edge(e) as { points?: Array<{ x: number; y: number }> }).points ?? []).map((p) => ({ x: p.x, y: p.y })) }))
  const size = g.graph() as { width?: number; height?: number }
  return { boxes, edges, width: size.width ?? 0, height: size.height ?? 0 }
}

/** An SVG path's `d` for an edge's polyline. */
export function pathOf(points: Array<{ x: number; y: number }>): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(' ')
}
