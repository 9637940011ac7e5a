// PRAGMA quick_check reads every page: 1.1 s on a 1.4 GB file, on every CLI call. It runs once per version of
// the file instead. What says "unchanged since the last passed check" must not come from the file itself (a
// hostile file can write anything into its own tables), so the proof is kept outside it: a fingerprint of the
// database and its -wal as the file system sees them (device, inode, size, mtime and ctime in ns: ctime cannot
// be set back by a program) plus a hash of the first 64 KiB (header, schema) and the WAL header, stored in a
// folder only this user can write, after a check passed or after Podlab itself closed the file.

import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'

const HEAD_BYTES = 64 * 1024
const WAL_HEADER_BYTES = 32

/** The default folder for fingerprints: `podlab-<uid>` in the OS temp folder. */
export function defaultCheckedDir(): string {
  return join(tmpdir(), `podlab-checked-${process.getuid?.() ?? 'user'}`)
}

function head(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0))
  } finally {
    closeSync(fd)
  }
}

function describe(path: string, headBytes: number): string {
  try {
    const s = statSync(path, { bigint: true })
    const hash = createHash('sha256').update(head(path, headBytes)).digest('hex')
    return [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs, hash].join(':')
  } catch {
    return 'absent'
  }
}

/** What the file system says about the database and its -wal right now. */
export function fingerprint(path: string): string {
  return `${describe(path, HEAD_BYTES)}|${describe(`${path}-wal`, WAL_HEADER_BYTES)}`
}

/** The fingerprint file for `path` in `dir`, or undefined when `dir` is not a folder only this user can write. */
function entryFor(dir: string, path: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const s = lstatSync(dir)
    const uid = process.getuid?.()
    if (!s.isDirectory() || (uid !== undefined && (s.uid !== uid || (s.mode & 0o077) !== 0))) return undefined
    return join(dir, `${createHash('sha256').update(realpathSync(path)).digest('hex').slice(0, 32)}.txt`)
  } catch {
    return undefined
  }
}

/**
 * True when `seen` (the fingerprint of `path` taken before SQLite opened it: an open creates a -wal) is the
 * one stored after its last passed check.
 */
export function checkedBefore(dir: string | null, path: string, seen: string): boolean {
  const entry = dir === null ? undefined : entryFor(dir, path)
  if (!entry) return false
  try {
    return readFileSync(entry, 'utf8') === seen
  } catch {
    return false
  }
}

/** Stores `seen` (default: `path`'s fingerprint now) as checked; a failure to store only costs a check next time. */
export function rememberChecked(dir: string | null, path: string, seen = fingerprint(path)): void {
  const entry = dir === null ? undefined : entryFor(dir, path)
  if (!entry) return
  try {
    if (!existsSync(entry)) prune(dir as string)
    const tmp = `${entry}.${process.pid}.tmp`
    writeFileSync(tmp, seen, { mode: 0o600 })
    renameSync(tmp, entry)
  } catch {
    // The cache is an optimisation: without it the next open checks again.
  }
}

/** Fingerprints kept before the oldest half is dropped (each is ~200 bytes; one per cluster file opened). */
const MAX_ENTRIES = 1000

function prune(dir: string): void {
  const names = readdirSync(dir)
  if (names.length < MAX_ENTRIES) return
  const byAge = names.map((n) => ({ n, at: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.at - b.at)
  for (const { n } of byAge.slice(0, byAge.length / 2)) rmSync(join(dir, n), { force: true })
}

/** PRAGMA quick_check's verdict: undefined when the pages are sound, else SQLite's first complaint. */
export function integrityProblem(db: Database.Database): string | undefined {
  const rows = db.pragma('quick_check(1)') as { quick_check: string }[]
  const verdict = rows[0]?.quick_check ?? 'no answer'
  if (verdict === 'ok') return undefined
  // SQLite heads its report with "*** in database main ***" on a line of its own: one line is enough.
  const lines = verdict.split('\n').filter((l) => !/^\*\*\* in database/.test(l))
  return `SQLite's quick_check found ${lines.join('; ')}`
}
