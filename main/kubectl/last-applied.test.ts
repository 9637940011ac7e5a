import { describe, expect, it } from 'vitest'
import { applyPatch, threeWayPatch } from './last-applied'

// kubectl apply's three-way merge (pkg/cmd/apply/patcher.go, strategic merge patch): what the last apply had
// and this one drops is deleted; what neither changed stays as the server has it.
const container = (env: Array<{ name: string; value: string }>) => ({ spec: { containers: [{ name: 'c', image: 'nginx', env }] } })

describe('three-way apply patch', () => {
  it('is empty when the manifest is what was applied last, whatever the server added', () => {
    const applied = container([{ name: 'A', value: '1' }])
    const live = { ...applied, status: { phase: 'Running' } }
    expect(threeWayPatch(applied, applied, live)).toEqual({})
  })

  it('deletes an item of a keyed list that the last apply had and this one dropped', () => {
    const original = container([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ])
    const modified = container([{ name: 'A', value: '1' }])
    const patch = threeWayPatch(original, modified, original)
    expect(patch).not.toEqual({})
    const next = applyPatch(original, patch) as ReturnType<typeof container>
    expect(next.spec.containers[0]?.env).toEqual([{ name: 'A', value: '1' }])
  })

  it('keeps items someone else added, which the last apply never had', () => {
    const original = container([{ name: 'A', value: '1' }])
    const live = container([
      { name: 'A', value: '1' },
      { name: 'INJECTED', value: 'x' },
    ])
    expect(threeWayPatch(original, original, live)).toEqual({})
  })

  it('removes a field the last apply set and this one dropped', () => {
    const original = { metadata: { labels: { app: 'web', tier: 'front' } } }
    const modified = { metadata: { labels: { app: 'web' } } }
    expect(applyPatch(original, threeWayPatch(original, modified, original))).toEqual(modified)
  })
})
