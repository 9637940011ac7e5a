// `kubectl rollout` against real kubectl v1.32.5, byte for byte: every case of testdata/cases.json was recorded by
// scripts/golden/run.mjs (the real binary against the fake API server holding deployments and ReplicaSets a
// Podlab engine made, two revisions of one) and replays here on the fake Engine (which, as that server, applies
// the patches it is sent): stdout, stderr, exit code, and each patch with its type. restart's restartedAt is
// the real kubectl's wall clock and the fake Engine's virtual one: compared as the fake Engine's now.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/golden-suite'

const cases = replaySuite(path.join(__dirname, 'testdata'), { applyPatches: true })
const RESTARTED_AT = /"kubectl\.kubernetes\.io\/restartedAt":"[^"]+"/g

describe('kubectl rollout matches real kubectl 1.32 (cmd/rollout/testdata/*.golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.result).toEqual(c.want)
    const now = c.engine.clock().now
    const sent = c.engine.patched.map((p) => ({ resource: p.resource, namespace: p.namespace, name: p.name, patchType: p.patchType, patch: p.patch }))
    const want = c.patches.map((p) => ({ ...p, patch: JSON.parse(JSON.stringify(p.patch).replace(RESTARTED_AT, `"kubectl.kubernetes.io/restartedAt":"${now}"`)) }))
    expect(sent).toEqual(want)
  })

  it('the cases patch: pause, resume, restart and undo each sent one', () => {
    expect(cases.filter((c) => c.patches.length > 0).map((c) => c.name)).toEqual(
      expect.arrayContaining(['rollout-pause', 'rollout-resume', 'rollout-restart', 'rollout-undo', 'rollout-undo-to-1']),
    )
  })
})
