import { describe, expect, it } from 'vitest'
import { MemoryFs, type FsState } from '../process/memory-fs'
import { diffOf, overlay } from './layer'

const entry = (kind: 'dir' | 'file', data?: string) => ({ kind, mode: kind === 'dir' ? 0o755 : 0o644, mtimeMs: 0, uid: 0, gid: 0, ...(data === undefined ? {} : { data }) })

/** An image whose path map counts how often it is listed (a copy of it lists it). */
function countedImage(): { lower: FsState; listings: () => number } {
  let listings = 0
  const target: FsState = { '/': entry('dir'), '/usr': entry('dir'), '/usr/share': entry('dir'), '/usr/share/index.html': entry('file', '<html>') }
  const lower = new Proxy(target, {
    ownKeys: (t) => {
      listings++
      return Reflect.ownKeys(t)
    },
  })
  return { lower, listings: () => listings }
}

describe('overlay: a container filesystem only read copies nothing', () => {
  it('stat and readFile through the overlay read the diff first, then the image, without listing the image', () => {
    const { lower, listings } = countedImage()
    const fs = new MemoryFs(overlay(lower, { '/usr/share/index.html': entry('file', 'mine'), '/gone': null }), () => 0)
    expect(fs.readFile('/usr/share/index.html')).toBe('mine')
    expect(fs.stat('/usr/share')).toMatchObject({ kind: 'dir' })
    expect(fs.stat('/gone')).toBe('ENOENT')
    expect(fs.writes).toBe(0)
    expect(listings()).toBe(0)
  })

  it('the first change makes the merged map; the image keeps its entries (chmod makes a new entry)', () => {
    const { lower } = countedImage()
    const before = structuredClone({ ...lower })
    const fs = new MemoryFs(overlay(lower, {}), () => 7)
    expect(fs.chmod('/usr/share/index.html', 0o600)).toBeUndefined()
    expect(fs.utimes('/usr/share', 42)).toBeUndefined()
    expect(fs.writes).toBe(2)
    expect({ ...lower }).toEqual(before)
    expect(diffOf(lower, fs.state)).toEqual({ '/usr/share/index.html': { ...entry('file', '<html>'), mode: 0o600 }, '/usr/share': { ...entry('dir'), mtimeMs: 42 } })
  })
})
