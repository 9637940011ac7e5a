// `kubectl apply --server-side` against real kubectl v1.32.5, byte for byte: every case of testdata-ssa/cases.json
// was recorded by scripts/golden/run.mjs (the real binary against the fake API server, scripts/golden/fake-ssa.mjs,
// serving the pod and the conflict Statuses Podlab's engine made: server-side-objects.test.ts) and replays here
// on the fake Engine: stdout, stderr, exit code, and each apply patch kubectl sent (the object, its fieldManager,
// force and dryRun). The `ssa-get-*` cases print that engine-made pod with `get -o yaml|json`: managedFields hidden,
// and with --show-managed-fields shown as kubectl shows them.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaySuite } from '../../testing/golden-suite'

const DIR = path.join(__dirname, 'testdata-ssa')
const cases = replaySuite(DIR)

/** The query of each apply PATCH the real kubectl sent. */
function sentQueries(name: string): Array<Record<string, string>> {
  const meta = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.meta.json`), 'utf8')) as { requests: Array<{ method: string; query: Record<string, string> }> }
  return meta.requests.filter((r) => r.method === 'PATCH').map((r) => r.query)
}

describe('kubectl apply --server-side matches real kubectl 1.32 (cmd/apply/testdata-ssa/*.golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    expect(c.result).toEqual(c.want)
    expect(c.engine.patched.map((p) => ({ resource: p.resource, namespace: p.namespace, name: p.name, patchType: p.patchType, patch: p.patch }))).toEqual(c.patches)
    const options = c.engine.patched.map((p) => ({
      fieldManager: p.options.fieldManager,
      fieldValidation: p.options.fieldValidation,
      force: String((p.options as { force?: boolean }).force ?? false),
      ...(p.options.dryRun ? { dryRun: p.options.dryRun } : {}),
    }))
    expect(options).toEqual(sentQueries(name))
  })

  it('the cases apply: the PATCH check compares something, conflicts included', () => {
    expect(cases.filter((c) => c.patches.length > 0).length).toBeGreaterThan(8)
    expect(cases.filter((c) => c.want.stderr.includes('Please review the fields above')).map((c) => c.name)).toEqual(['ssa-conflict', 'ssa-conflicts'])
  })
})
