// Reading `kubectl apply -f FILE` and `-f -` with a cap: a stream is read in chunks and dropped as soon as it
// passes the cap, so /dev/zero, a FIFO that never ends or a multi-gigabyte file are refused after reading
// limit + 1 bytes, instead of growing until Node aborts.

import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs'
import { InputTooLarge } from '../kubectl/io'

const CHUNK = 64 * 1024
const pause = new Int32Array(new SharedArrayBuffer(4))

/**
 * The UTF-8 text of `source` (a path, or an open file descriptor such as 0 for stdin), at most `limitBytes`
 * bytes. Throws InputTooLarge past that, and what fs throws when the path cannot be opened or read.
 */
export function readCapped(source: string | number, limitBytes: number): string {
  const fd = typeof source === 'number' ? source : openSync(source, 'r')
  try {
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK, limitBytes + 1 - total))
      let n: number
      try {
        n = readSync(fd, chunk, 0, chunk.length, null)
      } catch (e) {
        // A non-blocking stdin (a pipe or a terminal) has nothing yet: wait a moment and read again.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e
        Atomics.wait(pause, 0, 0, 10)
        continue
      }
      if (n === 0) break
      chunks.push(chunk.subarray(0, n))
      total += n
      if (total > limitBytes) throw new InputTooLarge(limitBytes)
    }
    return Buffer.concat(chunks).toString('utf8')
  } finally {
    if (typeof source !== 'number') closeSync(fd)
  }
}

/**
 * The names of the regular files directly inside `path` when it is a directory (kubectl's `-f DIR`), undefined
 * when it is not one or cannot be read (then reading it as a file says what is wrong).
 */
export function listDirectory(path: string): string[] | undefined {
  try {
    if (!statSync(path).isDirectory()) return undefined
    return readdirSync(path, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)
  } catch {
    return undefined
  }
}
