import { describe, expect, it } from 'vitest'
import { versionDiff } from './version-diff'

describe('versionDiff', () => {
  it('gives the unified diff of two YAML versions: the changed status line removed and added, with context', () => {
    const before = 'kind: Pod\nmetadata:\n  name: crash\n  resourceVersion: "7"\nstatus:\n  phase: Pending\n'
    const after = 'kind: Pod\nmetadata:\n  name: crash\n  resourceVersion: "9"\nstatus:\n  phase: Running\n'
    expect(versionDiff(before, after)).toEqual([
      { kind: 'hunk', text: '@@ -1,6 +1,6 @@' },
      { kind: 'context', text: ' kind: Pod' },
      { kind: 'context', text: ' metadata:' },
      { kind: 'context', text: '   name: crash' },
      { kind: 'removed', text: '-  resourceVersion: "7"' },
      { kind: 'added', text: '+  resourceVersion: "9"' },
      { kind: 'context', text: ' status:' },
      { kind: 'removed', text: '-  phase: Pending' },
      { kind: 'added', text: '+  phase: Running' },
    ])
  })

  it('gives nothing for equal versions', () => {
    expect(versionDiff('a: 1\n', 'a: 1\n')).toEqual([])
  })
})
