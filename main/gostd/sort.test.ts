import { describe, expect, it } from 'vitest'
import { goSort } from './sort'

/** A fixed generator (no Math.random): the same inputs every run. */
function lcg(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s
  }
}

describe("Go's sort.Sort (pdqsort)", () => {
  it('orders every input by its key, through insertion sort, partitions, pattern breaking and heapsort', () => {
    const next = lcg(42)
    for (const n of [0, 1, 2, 5, 12, 13, 20, 49, 50, 51, 100, 257, 1000]) {
      for (const spread of [3, 1000]) {
        const items = Array.from({ length: n }, () => next() % spread)
        const sorted = goSort([...items], (a, b) => a < b)
        expect(sorted).toEqual([...items].sort((a, b) => a - b))
      }
    }
    // Descending and organ-pipe inputs take the reversal and breakPatterns paths.
    expect(goSort(Array.from({ length: 300 }, (_, i) => 300 - i), (a, b) => a < b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1))
    const pipe = [...Array.from({ length: 150 }, (_, i) => i), ...Array.from({ length: 150 }, (_, i) => 150 - i)]
    expect(goSort([...pipe], (a, b) => a < b)).toEqual([...pipe].sort((a, b) => a - b))
  })

  it('keeps equal elements in their order up to 12 elements (Go insertion-sorts those), not past that', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => ({ key: i % 2, id: i }))
    expect(goSort([...twelve], (a, b) => a.key < b.key).map((e) => e.id)).toEqual([0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11])
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ key: 0, id: i }))
    // All equal: pdqsort's choosePivot sees no swaps, partialInsertionSort finds it sorted: order kept.
    expect(goSort([...thirteen], (a, b) => a.key < b.key).map((e) => e.id)).toEqual(Array.from({ length: 13 }, (_, i) => i))
    const mixed = Array.from({ length: 14 }, (_, i) => ({ key: i < 7 ? 1 : 0, id: i }))
    const ids = goSort([...mixed], (a, b) => a.key < b.key).map((e) => e.id)
    expect(ids.slice(0, 7).sort((a, b) => a - b)).toEqual([7, 8, 9, 10, 11, 12, 13])
    expect(ids).not.toEqual([7, 8, 9, 10, 11, 12, 13, 0, 1, 2, 3, 4, 5, 6])
  })

  it('breaks patterns with Go 1.23\'s xorshift (13, 17, 5): the tie order kubectl 1.32.5 printed for 25 pods', () => {
    // `kubectl.1.32 get pods -A --sort-by .metadata.creationTimestamp` on the differential harness's cluster: 23
    // pods created at t=0 and two (the Deployment's) later, listed in this order by the API server.
    const listed = 'badimage crasher done mynginx oom pi probed toobig web1 web2 coredns1 coredns2 etcd kindnet-b654b kindnet-bm79k kindnet-x kindnet-z apiserver cm proxy-4tx7p proxy-5vbrf proxy-fwv84 proxy-sj9nz scheduler lpp'.split(' ')
    const created = (name: string) => (name === 'web1' ? 60 : name === 'web2' ? 65 : 0)
    expect(goSort([...listed], (a, b) => created(a) < created(b)).join(' ')).toBe(
      'etcd oom badimage mynginx kindnet-b654b pi probed kindnet-bm79k lpp scheduler coredns1 coredns2 done crasher toobig kindnet-x kindnet-z apiserver cm proxy-4tx7p proxy-5vbrf proxy-fwv84 proxy-sj9nz web1 web2',
    )
  })
})
