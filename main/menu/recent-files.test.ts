import { describe, expect, it } from 'vitest'
import { addRecent, existingRecent, MAX_RECENT, parseRecent } from './recent-files'

describe('recent cluster files', () => {
  it('puts the newest first without duplicates, and keeps at most MAX_RECENT', () => {
    let list: string[] = []
    for (let i = 0; i < MAX_RECENT + 3; i++) list = addRecent(list, `/c/${i}.podlab`)
    list = addRecent(list, '/c/5.podlab')
    expect(list[0]).toBe('/c/5.podlab')
    expect(list).toHaveLength(MAX_RECENT)
    expect(new Set(list).size).toBe(MAX_RECENT)
  })

  it('lists only the files that still exist', () => {
    expect(existingRecent(['/a', '/b', '/c'], (p) => p !== '/b')).toEqual(['/a', '/c'])
  })

  it('reads only absolute paths from the saved list, at most MAX_RECENT', () => {
    expect(parseRecent(JSON.stringify(['/a.podlab', 'relative.podlab', 3, '']))).toEqual(['/a.podlab'])
    expect(parseRecent('{')).toEqual([])
    expect(parseRecent(JSON.stringify(Array.from({ length: 30 }, (_v, i) => `/f${i}`)))).toHaveLength(MAX_RECENT)
  })
})
