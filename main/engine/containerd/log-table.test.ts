// The container_logs table: lines split as CRI splits them, and a doctored row refused with a sentence.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ClusterFileDamaged } from '../store/cluster-file'
import { LogTable, splitLines } from './log-table'
import { runtimeHarness } from './testing/harness'

const harness = runtimeHarness()

describe('container logs', () => {
  it('text is cut after each newline; a piece without one is its own row', () => {
    expect(splitLines('a\nb\n')).toEqual(['a\n', 'b\n'])
    expect(splitLines('a\nb')).toEqual(['a\n', 'b'])
    expect(splitLines('')).toEqual([])
  })

  it('a row whose time is not a whole number of ms (a doctored file) is ClusterFileDamaged with a sentence', () => {
    const h = harness()
    const id = h.start({ command: ['say', 'hi'] })
    const raw = new Database(h.world.db.name)
    raw.prepare('UPDATE container_logs SET at_ms = 9007199254740993').run()
    raw.close()
    const logs = new LogTable(h.world.db)
    expect(() => logs.rows(id)).toThrow(ClusterFileDamaged)
    expect(() => logs.rows(id)).toThrow(/is damaged: container_logs row 0+1\/0 is not at a whole number of ms$/)
  })
})
