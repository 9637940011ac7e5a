import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputTooLarge } from '../kubectl/io'
import { readCapped } from './read-capped'

const tmp = () => mkdtempSync(join(tmpdir(), 'podlab-read-'))

describe('readCapped: kubectl apply -f reads at most limit + 1 bytes (apply -f /dev/zero used to abort natively)', () => {
  it('refuses /dev/zero with InputTooLarge after limit + 1 bytes', () => {
    expect(() => readCapped('/dev/zero', 3 * 1024 * 1024)).toThrow(new InputTooLarge(3 * 1024 * 1024))
  })

  it('refuses a FIFO whose writer never stops', () => {
    const fifo = join(tmp(), 'fifo')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const writer = spawn('sh', ['-c', `yes > ${fifo}`], { stdio: 'ignore' })
    try {
      expect(() => readCapped(fifo, 100_000)).toThrow(InputTooLarge)
    } finally {
      writer.kill()
    }
  })

  it('reads a file of exactly the limit, and refuses one byte more', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'ok'), 'a'.repeat(1000))
    writeFileSync(join(dir, 'big'), 'a'.repeat(1001))
    expect(readCapped(join(dir, 'ok'), 1000)).toBe('a'.repeat(1000))
    expect(() => readCapped(join(dir, 'big'), 1000)).toThrow(InputTooLarge)
  })

  it('throws what fs throws for a missing path', () => {
    expect(() => readCapped(join(tmp(), 'missing'), 10)).toThrow(/ENOENT/)
  })
})
