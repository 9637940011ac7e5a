import { describe, expect, it } from 'vitest'
import { CATALOG } from '../images/catalog'
import { imageConfig, parseImage } from '../images'
import { executableFor, programFor } from './index'
import { idleDaemon, notSimulated } from './not-simulated'
import { run } from './testing/fake-sys'

describe('executables without a program of their own', () => {
  it('every entrypoint and cmd of every catalog image resolves to a real program, not the "does not simulate" stand-in (the images and programs parts agree on ids)', () => {
    // perl's default command (its debugger prompt) is the one Podlab says plainly it does not simulate.
    const KNOWN = new Set(['perl'])
    const unsimulated: string[] = []
    for (const image of CATALOG) {
      const config = imageConfig(parseImage(`${image.repository}:${image.defaultTag}`))
      if (!config) continue
      const first = config.entrypoint[0] ?? config.cmd[0]
      if (!first) continue
      const path = first.startsWith('/') ? first : Object.keys(config.binaries).find((p) => p.endsWith(`/${first}`))
      const id = path ? config.binaries[path] : undefined
      if (id && !id.startsWith('daemon:') && !KNOWN.has(id) && !programFor(id)) unsimulated.push(`${image.repository}: ${first} -> ${id}`)
    }
    expect(unsimulated).toEqual([])
  })

  it('an inferred server idles until stopped; any other id says plainly that Podlab does not simulate it and exits 1', () => {
    expect(executableFor('daemon:echoserver')).toBe(idleDaemon)
    expect(executableFor('coreutils:b2sum')).toBe(notSimulated)
    const proc = run(notSimulated, ['b2sum', '/etc/passwd'])
    expect(proc.sys.stderr).toBe('b2sum: Podlab does not simulate this program yet\n')
    expect(proc.ended).toEqual({ exit: 1 })
  })
})
