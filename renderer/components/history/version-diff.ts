// The diff beside a history row: the object's YAML at the version before, then at this one, as `diff -u`
// (and `kubectl diff`) print it: hunks with 3 lines of context, `-` removed, `+` added. Pure.

import { structuredPatch } from 'diff'

export interface DiffLine {
  kind: 'hunk' | 'context' | 'added' | 'removed'
  text: string
}

/** The lines of the unified diff from `before` to `after`; none when they are equal. */
export function versionDiff(before: string, after: string): DiffLine[] {
  const patch = structuredPatch('before', 'after', before, after, '', '', { context: 3 })
  const lines: DiffLine[] = []
  for (const h of patch.hunks) {
    lines.push({ kind: 'hunk', text: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@` })
    for (const line of h.lines) {
      if (line.startsWith('\\')) continue
      lines.push({ kind: line[0] === '+' ? 'added' : line[0] === '-' ? 'removed' : 'context', text: line })
    }
  }
  return lines
}
