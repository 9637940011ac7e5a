// `kubectl auth can-i` against real kubectl 1.32.5, byte for byte (testdata/*.golden: the fake API server
// allowed every review and answered admin-rules.json to the rules review, as Podlab's authorizer does).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runKubectl } from '../../run-kubectl'
import { fakeEngine } from '../../testing/fake-engine'
import { replaySuite } from '../../testing/replay-suite'
import { accessTable } from './can-i/rules'

const cases = replaySuite(path.join(__dirname, 'testdata'))

describe('kubectl auth can-i matches real kubectl 1.32 (cmd/auth/testdata)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.run().result).toEqual(c.want)
  })
})

describe('the --list table (kubectl pkg/util/rbac)', () => {
  it('merges the verbs of one group and resource, and sorts by the rule string (verbs first)', () => {
    const table = accessTable(
      { resourceRules: [{ verbs: ['list'], apiGroups: [''], resources: ['pods'] }, { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, { verbs: ['create'], apiGroups: ['apps'], resources: ['deployments/scale'] }], nonResourceRules: [] },
      true,
    )
    expect(table).toBe('deployments.apps/scale   []    []    [create]\npods                     []    []    [list get]\n')
  })
})

it('kubectl auth can-i --help prints the real kubectl 1.32 help (testdata/help/auth-can-i.golden)', () => {
  const want = fs.readFileSync(path.join(__dirname, '../../testdata/help/auth-can-i.golden'), 'utf8')
  expect(runKubectl(['auth', 'can-i', '--help'], { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' })).toEqual({ stdout: want, stderr: '', exitCode: 0 })
})
