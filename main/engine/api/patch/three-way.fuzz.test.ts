// Property: applying kubectl apply's three-way patch to the live object gives the manifest's values for every
// field the manifest sets, removes what the last apply set and the manifest dropped, and keeps the manifest's
// container order — whatever the last-applied and live objects hold.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzRuns } from '../../testing/fuzz'
import { applyStrategicMergePatch, createThreeWayMergePatch } from './strategic'

const POD = 'io.k8s.api.core.v1.Pod'

const stringMap = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.constantFrom('1', '2', 'x', ''))
const containers = fc.uniqueArray(
  fc.record({ name: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'), image: fc.constantFrom('nginx', 'redis', 'busybox') }),
  { selector: (c) => c.name, maxLength: 5 },
)
const pod = fc.record({
  metadata: fc.record({ name: fc.constant('x'), labels: stringMap, annotations: stringMap }),
  spec: fc.record({ containers }),
})
type Pod = { metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> }; spec: { containers: { name: string; image: string }[] } }

describe('createThreeWayMergePatch then applyStrategicMergePatch (fuzz)', () => {
  it('yields modified’s labels, annotations and containers, drops what original had and modified dropped', () => {
    fc.assert(
      fc.property(pod, pod, pod, (original, modified, current) => {
        const patch = createThreeWayMergePatch(original, modified, current, POD)
        const result = applyStrategicMergePatch(current, patch, POD) as Pod
        for (const field of ['labels', 'annotations'] as const) {
          const got = result.metadata[field] ?? {}
          for (const [k, v] of Object.entries(modified.metadata[field])) expect(got[k]).toBe(v)
          for (const k of Object.keys(original.metadata[field])) if (!(k in modified.metadata[field])) expect(got).not.toHaveProperty(k)
        }
        const names = result.spec.containers.map((c) => c.name)
        for (const c of modified.spec.containers) expect(result.spec.containers.find((r) => r.name === c.name)?.image).toBe(c.image)
        for (const c of original.spec.containers) if (!modified.spec.containers.some((m) => m.name === c.name)) expect(names).not.toContain(c.name)
        const wanted: string[] = modified.spec.containers.map((c) => c.name)
        expect(names.filter((n) => wanted.includes(n))).toEqual(wanted)
      }),
      { numRuns: fuzzRuns(300) },
    )
  })
})
