// What `diff -u -N LIVE-NNN MERGED-NNN` (GNU diffutils) prints for kubectl diff's two temp directories: for each
// file name in byte order whose contents differ, the command line with both paths, the `---`/`+++` header with
// the files' modification times (`2025-03-01 12:00:00.000000000 +0000`), then the hunks with 3 lines of context.
// The hunks come from jsdiff (the `diff` package) with GNU's range rules: a range of one line is written without
// its count, an empty one names the line before it (`@@ -0,0 +1,12 @@` for a file that was absent or empty).

import { createRequire } from 'node:module'

/** One temp directory: its path (`/tmp/LIVE-123`) and its files, by name. */
export interface DiffDirectory {
  path: string
  files: ReadonlyMap<string, string>
  /** The files' modification time (ms since the epoch, UTC). */
  modifiedMs: number
}

/** The output of `diff -u -N from.path to.path`; '' when every file is the same. */
export function unifiedDirectoryDiff(from: DiffDirectory, to: DiffDirectory): string {
  const names = [...new Set([...from.files.keys(), ...to.files.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  let out = ''
  for (const name of names) {
    const before = from.files.get(name) ?? ''
    const after = to.files.get(name) ?? ''
    if (before === after) continue
    const [a, b] = [`${from.path}/${name}`, `${to.path}/${name}`]
    out += `diff -u -N ${a} ${b}\n--- ${a}\t${diffTimestamp(from.modifiedMs)}\n+++ ${b}\t${diffTimestamp(to.modifiedMs)}\n`
    // Required here, not at load: `diff` is ~20 ms of every `podlab` start, and only `kubectl diff` diffs.
    const { structuredPatch } = createRequire(import.meta.url)('diff') as typeof import('diff')
    for (const hunk of structuredPatch(a, b, before, after, '', '', { context: 3 }).hunks) {
      out += `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@\n`
      for (const line of hunk.lines) out += `${line}\n`
    }
  }
  return out
}

function range(start: number, lines: number): string {
  if (lines === 0) return `${start - 1},0`
  return lines === 1 ? `${start}` : `${start},${lines}`
}

/** GNU diff's `%Y-%m-%d %H:%M:%S.%N %z` of a time in UTC (ms precision, the nanoseconds padded). */
export function diffTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString() // YYYY-MM-DDTHH:MM:SS.mmmZ
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000000 +0000`
}
