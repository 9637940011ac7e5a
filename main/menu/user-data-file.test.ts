import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readUserDataFile, writeUserDataFile } from './user-data-file'

describe('user-data files', () => {
  it('writes through a temporary file into a folder it creates, and reads back; a missing file reads as empty', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'podlab-ud-')), 'deeper', 'window-state.json')
    expect(readUserDataFile(path)).toBe('')
    writeUserDataFile(path, '{"a":1}')
    expect(readUserDataFile(path)).toBe('{"a":1}')
    expect(existsSync(`${path}.tmp`)).toBe(false)
  })
})
