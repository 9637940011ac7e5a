import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { HostEngine } from '../engine'
import { openCluster } from '../open-cluster'
import { MYNGINX, tmpFile } from '../testing/cluster'
import { SaveCopyRefused } from './save-copy'

const opened: HostEngine[] = []
afterEach(() => {
  for (const e of opened.splice(0)) e.close()
})
const open = (path: string) => {
  const engine = openCluster(path, { mode: 'manual', seed: '9' })
  opened.push(engine)
  return engine
}

describe('saveCopy', () => {
  it('writes a cluster file that opens with the same objects and clock, and without the clock owner', () => {
    const engine = open(tmpFile())
    engine.create(MYNGINX)
    engine.advance(12_000)
    engine.claimClock({ door: 'app', pid: 4242, hostname: 'here' })
    const target = tmpFile()
    engine.saveCopy(target)
    expect(existsSync(`${target}.partial`)).toBe(false)
    const copy = open(target)
    expect(copy.get('pods', 'default', 'mynginx').metadata.uid).toBe(engine.get('pods', 'default', 'mynginx').metadata.uid)
    expect(copy.clock().nowMs).toBe(engine.clock().nowMs)
    expect(copy.clockOwner()).toBeUndefined()
    expect(engine.clockOwner()).toEqual({ door: 'app', pid: 4242, hostname: 'here' })
  })

  it('refuses to overwrite the open file itself', () => {
    const path = tmpFile()
    const engine = open(path)
    expect(() => engine.saveCopy(path)).toThrow(SaveCopyRefused)
  })
})
