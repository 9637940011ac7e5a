// The two ways a cluster file is turned away. Both carry one sentence a person can act on; doors print it as
// `error: <sentence>` (CLI) or an error reply (web, IPC), never a stack trace.

/** The file as a whole cannot be opened: not SQLite, another program's, from a newer Podlab, untrusted schema, broken pages. */
export class ClusterFileRefused extends Error {
  readonly reason = 'ClusterFileRefused' as const
  constructor(message: string) {
    super(message)
    this.name = 'ClusterFileRefused'
  }
}

/** One row of an opened file holds something Podlab never writes (found when the row is read). */
export class ClusterFileDamaged extends Error {
  readonly reason = 'ClusterFileDamaged' as const
  constructor(message: string) {
    super(message)
    this.name = 'ClusterFileDamaged'
  }
}

export function isClusterFileError(e: unknown): e is ClusterFileRefused | ClusterFileDamaged {
  return e instanceof ClusterFileRefused || e instanceof ClusterFileDamaged
}

/** `"c.podlab" is damaged: <what>` for a row of the file open as `db` (better-sqlite3's `db.name` is its path). */
export function damagedRow(file: string, what: string): ClusterFileDamaged {
  return new ClusterFileDamaged(`"${file}" is damaged: ${what}`)
}

/** `"c.podlab" is not a cluster file this Podlab can trust: <what>`. */
export function untrusted(file: string, what: string): ClusterFileRefused {
  return new ClusterFileRefused(`"${file}" is not a cluster file this Podlab can trust: ${what}`)
}

/** `"c.podlab" is damaged: <what>`, refusing the whole file. */
export function damagedFile(file: string, what: string): ClusterFileRefused {
  return new ClusterFileRefused(`"${file}" is damaged: ${what}`)
}

/** SQLite's own messages may span lines (a malformed schema quotes its SQL): one line for a sentence. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}

/** SQLite's result codes for pages that are not what they should be (better-sqlite3 puts them in `code`). */
const CORRUPT_CODES = /^SQLITE_(CORRUPT|NOTADB)/

/**
 * `e` as a cluster file error when it is one, or when SQLite found `file`'s pages damaged while a command read
 * them (SQLITE_CORRUPT*, SQLITE_NOTADB: quick_check does not compare indexes with their tables); else undefined.
 */
export function asClusterFileError(e: unknown, file: string): ClusterFileRefused | ClusterFileDamaged | undefined {
  if (isClusterFileError(e)) return e
  const code = (e as { code?: unknown } | null)?.code
  if (e instanceof Error && typeof code === 'string' && CORRUPT_CODES.test(code)) return new ClusterFileDamaged(`"${file}" is damaged: ${oneLine(e.message)}`)
  return undefined
}
