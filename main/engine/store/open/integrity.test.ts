import Database from 'better-sqlite3'
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { smallClusterFile } from '../../testing/cluster-file-bytes'
import { ClusterFileRefused, openClusterFile } from '../cluster-file'
import { checkedBefore, fingerprint, rememberChecked } from './integrity'

const dir = () => mkdtempSync(join(tmpdir(), 'podlab-checked-test-'))

describe('quick_check once per version of a file, proven by a fingerprint kept outside the file', () => {
  it('a file is unchecked until remembered, and checked while nothing about it changes', () => {
    const path = smallClusterFile()
    const checked = dir()
    expect(checkedBefore(checked, path, fingerprint(path))).toBe(false)
    rememberChecked(checked, path)
    expect(checkedBefore(checked, path, fingerprint(path))).toBe(true)
  })

  it('a change of one byte is a new version even with the modification time put back', () => {
    const path = smallClusterFile()
    const checked = dir()
    rememberChecked(checked, path)
    const { atime, mtime } = statSync(path)
    const bytes = readFileSync(path)
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] as number) ^ 1
    writeFileSync(path, bytes)
    utimesSync(path, atime, mtime)
    expect(checkedBefore(checked, path, fingerprint(path))).toBe(false)
  })

  it('a -wal appearing next to the file is a new version', () => {
    const path = smallClusterFile()
    const checked = dir()
    rememberChecked(checked, path)
    writeFileSync(`${path}-wal`, Buffer.alloc(32))
    expect(checkedBefore(checked, path, fingerprint(path))).toBe(false)
  })

  it('another file moved into a checked file\'s place, with the same bytes, is checked again', () => {
    const path = smallClusterFile()
    const checked = dir()
    rememberChecked(checked, path)
    const copy = `${path}.copy`
    copyFileSync(path, copy)
    renameSync(copy, path)
    expect(checkedBefore(checked, path, fingerprint(path))).toBe(false)
  })

  it.skipIf(process.getuid === undefined)('a fingerprint folder others can write to is not trusted', () => {
    const path = smallClusterFile()
    const checked = dir()
    rememberChecked(checked, path)
    chmodSync(checked, 0o777)
    expect(checkedBefore(checked, path, fingerprint(path))).toBe(false)
  })

  it('opening remembers a passed check, and closing after Podlab wrote remembers the new version', () => {
    const path = smallClusterFile()
    const checked = dir()
    const { db } = openClusterFile(path, { checkedDir: checked })
    expect(checkedBefore(checked, path, fingerprint(path))).toBe(false) // SQLite has a -wal open now
    db.prepare('UPDATE clock SET paused = 1').run()
    db.close()
    expect(checkedBefore(checked, path, fingerprint(path))).toBe(true)
  })

  /** Breaks the history table's root page (a type byte that is none of SQLite's four): quick_check reports it. */
  function breakHistoryPage(path: string): void {
    const raw = new Database(path)
    const page = raw.pragma('page_size', { simple: true }) as number
    const root = (raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'history'").get() as { rootpage: number }).rootpage
    raw.close()
    const bytes = readFileSync(path)
    bytes[(root - 1) * page] = 0x01
    writeFileSync(path, bytes)
  }

  it('a damaged file is refused and never remembered', () => {
    const path = smallClusterFile()
    const checked = dir()
    breakHistoryPage(path)
    expect(() => openClusterFile(path, { checkedDir: checked })).toThrow(ClusterFileRefused)
    expect(() => openClusterFile(path, { checkedDir: checked })).toThrow(/c\.podlab" is damaged: SQLite's quick_check found Tree \d+ page \d+: btreeInitPage\(\) returns error code 11$/)
    expect(checkedBefore(checked, path, fingerprint(path))).toBe(false)
  })

  it('a file whose fingerprint is remembered is opened without quick_check (the check is really skipped)', () => {
    const path = smallClusterFile()
    const checked = dir()
    breakHistoryPage(path)
    rememberChecked(checked, path)
    expect(() => openClusterFile(path, { checkedDir: checked }).db.close()).not.toThrow()
  })
})
