// The text kubectl edit hands to the editor and reads back (kubectl pkg/cmd/util/editor/editoptions.go v0.32.5:
// editHeader.writeTo, hashOnLineBreak, hasLines; pkg/cmd/util/helpers.go StripComments / ManualStrip), and how an
// error is turned into the comment block the reopened file starts with (editResults.addError).

import type { ResourceRef } from '../../../engine'
import { decodeManifest } from '../../manifests'
import { toJsonLine } from '../../printers/json'
import type { CliError } from '../../errors'

/** editHeader.writeTo's first lines (NormalEditMode). */
export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

/** One reason the file must be edited again: a head line and, for an invalid object, its causes. */
export interface EditReason {
  head: string
  other: string[]
}

/** editHeader.writeTo: the header, then each reason as `# head[:]`, `# * cause` lines and a `#` line. */
export function headerText(reasons: readonly EditReason[]): string {
  let out = EDIT_HEADER
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`
    out += '#\n'
  }
  return out
}

/** hashOnLineBreak: a `# ` after every line break not already followed by `#`, so a message stays a comment. */
export function hashOnLineBreak(s: string): string {
  let r = ''
  for (let i = 0; i < s.length; i++) r += s[i] === '\n' && i + 1 < s.length && s[i + 1] !== '#' ? '\n# ' : s[i]
  return r
}

/** ManualStrip: the lines that are not comments (`#!` lines stay), joined as they were. */
export function manualStrip(file: string): string {
  return file
    .split('\n')
    .filter((line) => {
      const t = line.trim()
      return !(t.startsWith('#') && !t.startsWith('#!'))
    })
    .join('\n')
}

/**
 * StripComments: the file as JSON (yaml.ToJSON: JSON as it is, YAML's first document converted, `null` for none),
 * or, when it does not parse, without its comment lines. Two files are the same edit when these are equal.
 */
export function stripComments(file: string): string {
  if (/^\s*\{/.test(file)) return file
  const decoded = decodeManifest(file, '')
  if (decoded.error !== undefined) return manualStrip(file)
  return decoded.documents.length === 0 ? 'null' : toJsonLine(decoded.documents[0]).slice(0, -1)
}

/** hasLines: some line has something that is not a comment. */
export function hasLines(file: string): boolean {
  return file.split('\n').some((line) => {
    const t = line.trim()
    return t.length > 0 && t[0] !== '#'
  })
}

/** What one pass of the edit loop found: the reasons to reopen, and how many objects failed and how. */
export class EditResults {
  readonly reasons: EditReason[] = []
  retryable = 0
  notfound = 0
  /** Objects refused as invalid (they are edited again). */
  edit = 0

  constructor(readonly file: string) {}

  /**
   * editResults.addError: records `err` for the object `name` of `ref` and returns the line kubectl prints on
   * stderr (`error: pods "web" is invalid`).
   */
  addError(err: CliError, ref: Pick<ResourceRef, 'resource' | 'group'>, name: string): string {
    const resource = ref.group ? `${ref.resource}.${ref.group}` : ref.resource
    const reason = err.kind === 'status' ? err.status.reason : undefined
    if (reason === 'Invalid') {
      this.edit++
      const causes = err.kind === 'status' ? (err.status.details?.causes ?? []) : []
      this.reasons.push({ head: `${resource} ${JSON.stringify(name)} was not valid`, other: causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) })
      return `error: ${resource} ${JSON.stringify(name)} is invalid`
    }
    if (reason === 'NotFound') {
      this.notfound++
      return `error: ${resource} ${JSON.stringify(name)} could not be found on the server`
    }
    this.retryable++
    return `error: ${resource} ${JSON.stringify(name)} could not be patched: ${err.kind === 'status' ? err.status.message : err.kind === 'plain' ? err.message : ''}`
  }
}
