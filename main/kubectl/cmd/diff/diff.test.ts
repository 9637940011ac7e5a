// `kubectl diff` against real kubectl v1.32.5: every case of testdata/cases.json was recorded by
// scripts/golden/run.mjs (the real binary, running GNU diff, against the fake API server, whose dry-run PATCH and
// POST answers scripts/golden/fake-diff.mjs gives) and replays here on the fake Engine, which applies the patches
// the same way. The temp directories' numbers and the files' times come from the wall clock and the process there;
// both sides' are replaced by placeholders before comparing, everything else is byte for byte, and so are the
// requests: the dry-run PATCH bodies (with the live resourceVersion kubectl adds) and the dry-run POSTs.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/golden-suite'
import type { KubectlResult } from '../../io'

const cases = replaySuite(path.join(__dirname, 'testdata'), { applyPatches: true })

/** The temp directories and file times of `diff -u -N`'s output, as placeholders. */
function normalized(r: KubectlResult): KubectlResult {
  const text = (s: string) => s.replace(/\/tmp\/(LIVE|MERGED)-\d+\//g, '/tmp/$1-N/').replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n/g, '\tTIME\n')
  return { stdout: text(r.stdout), stderr: r.stderr, exitCode: r.exitCode }
}

describe('kubectl diff matches real kubectl 1.32 (cmd/diff/testdata/*.golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(normalized(c.result)).toEqual(normalized(c.want))
    const sent = c.engine.patched.map((p) => ({ resource: p.resource, namespace: p.namespace, name: p.name, patchType: p.patchType, patch: p.patch }))
    expect(sent).toEqual(c.patches)
    expect(c.engine.patched.every((p) => p.options.dryRun === 'All')).toBe(true)
    expect(c.engine.created).toEqual(c.posted)
    expect(c.engine.createOptions.every((o) => o.dryRun === 'All')).toBe(true)
  })

  it('the cases compare something: a changed deployment, a new pod and a secret differ (exit 1)', () => {
    const differing = cases.filter((c) => c.want.exitCode === 1).map((c) => c.name)
    expect(differing).toEqual(expect.arrayContaining(['diff-deployment', 'diff-new', 'diff-secret', 'diff-two']))
  })
})
