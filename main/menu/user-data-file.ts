// The app's small remembered files in the user-data folder (window-state.json, recent-files.json): read as text
// ('' when missing or unreadable, so the caller falls back to defaults) and written through a temporary file
// renamed into place, so a crash mid-write leaves the previous version rather than half a file.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** The file's text, or '' when it cannot be read. Never throws. */
export function readUserDataFile(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** Writes `text` to `path` atomically; a failure is reported on stderr and otherwise ignored (it is only a preference). */
export function writeUserDataFile(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(`${path}.tmp`, text)
    renameSync(`${path}.tmp`, path)
  } catch (e) {
    console.error(`podlab: could not write ${path}: ${(e as Error).message}`)
  }
}
