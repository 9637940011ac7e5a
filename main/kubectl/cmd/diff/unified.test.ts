// unifiedDirectoryDiff against what GNU diff 3.x printed for the same two directories (`diff -u -N LIVE-1 MERGED-2`,
// run by hand on the project machine with these files): the per-file command line, the header, GNU's ranges.
import { describe, expect, it } from 'vitest'
import { diffTimestamp, unifiedDirectoryDiff } from './unified'

const at = Date.UTC(2026, 11, 1, 10, 57, 32, 622)
const dir = (path: string, files: Record<string, string>) => ({ path, files: new Map(Object.entries(files)), modifiedMs: at })

describe('diff -u -N of two directories', () => {
  it('prints each differing file in name order, an empty file as -0,0 and a one-line range without its count', () => {
    const out = unifiedDirectoryDiff(
      dir('LIVE-1', { 'v1.Pod.default.y': '', 'v1.Pod.default.x': 'a\nb\nc\n', 'v1.Pod.default.z': 'same\n' }),
      dir('MERGED-2', { 'v1.Pod.default.y': 'new\n', 'v1.Pod.default.x': 'a\nB\nc\n', 'v1.Pod.default.z': 'same\n' }),
    )
    expect(out).toBe(
      'diff -u -N LIVE-1/v1.Pod.default.x MERGED-2/v1.Pod.default.x\n' +
        '--- LIVE-1/v1.Pod.default.x\t2026-12-01 10:57:32.622000000 +0000\n' +
        '+++ MERGED-2/v1.Pod.default.x\t2026-12-01 10:57:32.622000000 +0000\n' +
        '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n' +
        'diff -u -N LIVE-1/v1.Pod.default.y MERGED-2/v1.Pod.default.y\n' +
        '--- LIVE-1/v1.Pod.default.y\t2026-12-01 10:57:32.622000000 +0000\n' +
        '+++ MERGED-2/v1.Pod.default.y\t2026-12-01 10:57:32.622000000 +0000\n' +
        '@@ -0,0 +1 @@\n+new\n',
    )
  })

  it('prints nothing when every file is the same', () => {
    expect(unifiedDirectoryDiff(dir('A', { f: 'x\n' }), dir('B', { f: 'x\n' }))).toBe('')
  })

  it('keeps 3 lines of context and splits hunks further apart than 6 lines', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i + 1}`)
    const changed = lines.map((l) => (l === 'l2' || l === 'l18' ? `${l}!` : l))
    const out = unifiedDirectoryDiff(dir('A', { f: `${lines.join('\n')}\n` }), dir('B', { f: `${changed.join('\n')}\n` }))
    expect(out.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@'])
  })
})

describe('the header time', () => {
  it('is %Y-%m-%d %H:%M:%S.%N %z in UTC, the milliseconds padded to nanoseconds', () => {
    expect(diffTimestamp(Date.UTC(2025, 2, 1, 12, 0, 0, 5))).toBe('2025-03-01 12:00:00.005000000 +0000')
  })
})
